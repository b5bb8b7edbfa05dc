import { useAccounts } from '../api/client-data';
import { mayFlipGlobal, roleAllows } from '../auth/permissions';
import { useMe } from '../auth/session';
import { useClientScope, useWorkspace } from '../auth/workspace';
import { ErrorBox, Loading } from '../ui/feedback';
import { KillSwitchControl, useKillSwitches } from '../ui/kill-switch';
import { Page } from '../ui/page';

/** Every switch that concerns this client, from the widest (global) to one account. */
export function KillSwitchesScreen() {
  const { client, can } = useClientScope();
  const me = useMe();
  const ws = useWorkspace();
  const switches = useKillSwitches(client.id);
  const accounts = useAccounts(client.id, 10000);
  const agency = ws.agencies.find((a) => a.id === client.agencyId);
  const reload = async () => {
    await switches.reload();
  };
  const managerOnly = 'An Admin or Manager can flip this switch.';

  return (
    <Page
      title="Kill switches"
      subtitle="Engaged switches stop side effects at the next guard decision, without a redeploy"
    >
      <ErrorBox error={switches.error} onRetry={() => void switches.reload()} />
      {!switches.data && !switches.error && <Loading what="kill switches" />}
      {switches.data && (
        <ul className="switch-list">
          <li>
            <h2>Global</h2>
            <KillSwitchControl
              scope="global"
              scopeId={null}
              name="all agencies"
              row={switches.find('global', '*')}
              canFlip={mayFlipGlobal(me)}
              whyNot="Only the platform's staff can flip the global switch; it stops every agency on this installation."
              onChanged={reload}
            />
          </li>
          <li>
            <h2>Agency: {agency?.name}</h2>
            <KillSwitchControl
              scope="agency"
              scopeId={client.agencyId}
              name={agency?.name ?? 'agency'}
              row={switches.find('agency', client.agencyId)}
              canFlip={roleAllows(ws.agencyRole(client.agencyId), 'killswitch.set')}
              whyNot="An agency-wide Admin or Manager can flip this switch."
              onChanged={reload}
            />
          </li>
          <li>
            <h2>Client: {client.name}</h2>
            <KillSwitchControl
              scope="client"
              scopeId={client.id}
              name={client.name}
              row={switches.find('client', client.id)}
              canFlip={can('killswitch.set')}
              whyNot={managerOnly}
              onChanged={reload}
            />
          </li>
          {(accounts.data?.platformAccounts ?? []).map((a) => (
            <li key={a.id}>
              <h2>
                Account: {a.handle} <span className="hint">({a.platform})</span>
              </h2>
              <KillSwitchControl
                scope="account"
                scopeId={a.id}
                name={a.handle}
                row={switches.find('account', a.id)}
                canFlip={can('killswitch.set')}
                whyNot={managerOnly}
                onChanged={reload}
              />
            </li>
          ))}
          {accounts.data && accounts.data.platformAccounts.length === 0 && (
            <li className="hint">No connected accounts: account switches appear once one is connected.</li>
          )}
        </ul>
      )}
    </Page>
  );
}
