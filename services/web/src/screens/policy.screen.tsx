import { useClientScope } from '../auth/workspace';
import { ApprovalStagesForm } from '../ui/approval-stages-form';
import { Page } from '../ui/page';
import { PolicyForm } from '../ui/policy-form';

export function PolicyScreen() {
  const { client, can } = useClientScope();
  return (
    <Page title="Policy and autonomy" subtitle={`${client.name} · the guard asks these before every side effect`}>
      <PolicyForm clientId={client.id} editable={can('policy.update')} />
      <div className="panel stages-panel">
        <ApprovalStagesForm clientId={client.id} editable={can('policy.update')} />
      </div>
    </Page>
  );
}
