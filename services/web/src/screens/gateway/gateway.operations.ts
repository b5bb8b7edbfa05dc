import { graphql } from '../../gql';

// The Tool gateway screen's operations (issue #16): flat selections, well under the API's cost limit.

export const GatewaySettingsQuery = graphql(`
  query GatewaySettings($agencyId: ID!) {
    gatewaySettings(agencyId: $agencyId) {
      agencyId
      disabledTools
      scriptsEnabled
      scriptDomains
      callsPerMinute
      monthlyBudgetUsdMicros
      saved
      updatedAt
    }
  }
`);

export const GatewayToolsQuery = graphql(`
  query GatewayTools {
    gatewayTools {
      url
      tools {
        name
        version
        state
        title
        toolClass
        reason
        detail
      }
    }
  }
`);

export const UpdateGatewaySettingsMutation = graphql(`
  mutation UpdateGatewaySettings($input: UpdateGatewaySettingsInput!) {
    updateGatewaySettings(input: $input) {
      agencyId
      disabledTools
      scriptsEnabled
      scriptDomains
      callsPerMinute
      monthlyBudgetUsdMicros
      saved
      updatedAt
    }
  }
`);
