import { useQuery } from '../../api/use-query';
import { roleAllows } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useWorkspace } from '../../auth/workspace';
import { ErrorBox, Loading, Notice } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { ConnectAssistant } from './connect-assistant';
import { GatewayRegistryTable } from './gateway-registry-table';
import { GatewaySettingsForm } from './gateway-settings-form';
import { GatewayToolsQuery } from './gateway.operations';
import { maySeeGatewayRegistry } from './may-see-gateway';
import './gateway.css';

/**
 * The MCP tool gateway of the agency in the header (issue #16): its tools and scripts (Admins change, Managers read),
 * the signed registry (staff and Admins), and how an operator connects an assistant (everyone).
 */
export function GatewayScreen() {
  const me = useMe();
  const ws = useWorkspace();
  const agencyId = ws.agencyId;
  const role = agencyId ? ws.agencyRole(agencyId) : null;
  const registryVisible = maySeeGatewayRegistry(me);
  const registry = useQuery(GatewayToolsQuery, {}, { skip: !registryVisible });
  const agencyName = ws.agencies.find((a) => a.id === agencyId)?.name;
  return (
    <Page
      title="Tool gateway"
      subtitle={agencyName ? `${agencyName} · what assistants and AI steps may call` : undefined}
    >
      {agencyId && roleAllows(role, 'gateway.read') ? (
        <section className="panel" aria-labelledby="gateway-settings-h">
          <h2 id="gateway-settings-h">This agency’s gateway</h2>
          <GatewaySettingsForm key={agencyId} agencyId={agencyId} editable={roleAllows(role, 'gateway.manage')} />
        </section>
      ) : (
        <Notice>The agency’s gateway settings are for its Admins and Managers.</Notice>
      )}
      <ConnectAssistant url={registry.data?.gatewayTools.url ?? null} />
      {registryVisible && (
        <section className="panel" aria-labelledby="gateway-registry-h">
          <h2 id="gateway-registry-h">Signed tool registry</h2>
          <p className="hint">
            Every tool definition is signed; a changed or unsigned one is refused when the gateway loads it.
          </p>
          <ErrorBox error={registry.error} onRetry={() => void registry.reload()} />
          {!registry.data && !registry.error && <Loading what="the registry" />}
          {registry.data && <GatewayRegistryTable tools={registry.data.gatewayTools.tools} />}
        </section>
      )}
    </Page>
  );
}
