import { graphql } from '../../gql';

// The browser lane's operations (issue #17): an account's profile and lane, a client's restricted platforms.
// No selection here can ask for a storage state: the API has no such field.

export const BrowserProfileQuery = graphql(`
  query BrowserProfile($platformAccountId: ID!) {
    browserProfile(platformAccountId: $platformAccountId) {
      id
      platformAccountId
      mode
      hybridWriter
      modeReason {
        code
        message
      }
      manifest {
        handle
        externalAccountId
        displayName
        issuedAt
      }
      manifestValid
      sideEffectsRequestedBy {
        id
        displayName
      }
      sideEffectsRequestedAt
      sideEffectsNote
      sideEffectsApprovedBy {
        id
        displayName
      }
      sideEffectsApprovedAt
      runnerId
      lastCheckAt
      lastCheck {
        ok
        stopKind
        stopMessage
        missingSelectors
        observedHandle
      }
      selectorMapVersion
    }
  }
`);

export const AttachBrowserProfileMutation = graphql(`
  mutation AttachBrowserProfile($input: AttachBrowserProfileInput!) {
    attachBrowserProfile(input: $input) {
      id
    }
  }
`);

export const RequestBrowserSideEffectsMutation = graphql(`
  mutation RequestBrowserSideEffects($profileId: ID!, $note: String) {
    requestBrowserSideEffects(profileId: $profileId, note: $note) {
      id
    }
  }
`);

export const ApproveBrowserSideEffectsMutation = graphql(`
  mutation ApproveBrowserSideEffects($profileId: ID!) {
    approveBrowserSideEffects(profileId: $profileId) {
      id
    }
  }
`);

export const SetBrowserProfileReadOnlyMutation = graphql(`
  mutation SetBrowserProfileReadOnly($profileId: ID!, $reason: String!) {
    setBrowserProfileReadOnly(profileId: $profileId, reason: $reason) {
      id
    }
  }
`);

export const DetachBrowserProfileMutation = graphql(`
  mutation DetachBrowserProfile($profileId: ID!) {
    detachBrowserProfile(profileId: $profileId)
  }
`);

export const SetAccountLaneMutation = graphql(`
  mutation SetAccountLane($platformAccountId: ID!, $lane: PublishLane!, $hybridWriter: HybridWriter) {
    setAccountLane(platformAccountId: $platformAccountId, lane: $lane, hybridWriter: $hybridWriter) {
      id
      lane
    }
  }
`);

export const RestrictedPlatformsQuery = graphql(`
  query RestrictedPlatforms($clientId: ID!) {
    restrictedPlatforms(clientId: $clientId) {
      platform
      riskStatement
      riskVersion
      enabled
      enabledBy {
        id
        displayName
      }
      enabledAt
    }
  }
`);

export const EnableRestrictedPlatformMutation = graphql(`
  mutation EnableRestrictedPlatform($clientId: ID!, $platform: String!, $acknowledgeRisk: Boolean!) {
    enableRestrictedPlatform(clientId: $clientId, platform: $platform, acknowledgeRisk: $acknowledgeRisk) {
      platform
      enabled
    }
  }
`);

export const DisableRestrictedPlatformMutation = graphql(`
  mutation DisableRestrictedPlatform($clientId: ID!, $platform: String!) {
    disableRestrictedPlatform(clientId: $clientId, platform: $platform) {
      platform
      enabled
    }
  }
`);
