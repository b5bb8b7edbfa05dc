import { useClientScope, useWorkspace } from '../auth/workspace';
import { ApprovalStagesForm } from '../ui/approval-stages-form';
import { Page } from '../ui/page';
import { PolicyForm } from '../ui/policy-form';
import { RestrictedPlatforms } from './browser-profiles/restricted-platforms';
import './browser-profiles/browser-profiles.css';

export function PolicyScreen() {
  const { client, can } = useClientScope();
  const { agencyRole } = useWorkspace();
  return (
    <Page title="Policy and autonomy" subtitle={`${client.name} · the guard asks these before every side effect`}>
      <PolicyForm clientId={client.id} editable={can('policy.update')} />
      <div className="panel stages-panel">
        <ApprovalStagesForm clientId={client.id} editable={can('policy.update')} />
      </div>
      <div className="panel">
        {/* The API wants an Admin of the agency for these, not of this client only (C-45). */}
        <RestrictedPlatforms
          clientId={client.id}
          timezone={client.timezone}
          editable={can('policy.update') && agencyRole(client.agencyId) === 'Admin'}
        />
      </div>
    </Page>
  );
}
