import { type FormEvent, useEffect, useState } from 'react';
import { ApprovalStagesQuery, UpdateApprovalStagesMutation } from '../api/client-review-operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import type { ApprovalStage, ApprovalStageRuleInput } from '../gql/graphql';
import { ErrorBox, Loading, Notice } from './feedback';
import { usePlatforms } from './use-platforms';

/** The actions stages apply to (STAGED_ACTIONS in the API); the client reviews posts only. */
const ACTIONS = [
  { id: 'publish', label: 'Publish', stages: ['none', 'internal', 'internal_then_client'] },
  { id: 'reply', label: 'Reply', stages: ['none', 'internal'] },
  { id: 'dm', label: 'Direct message', stages: ['none', 'internal'] },
] as const satisfies readonly { id: string; label: string; stages: readonly ApprovalStage[] }[];

type ActionId = (typeof ACTIONS)[number]['id'];

const STAGE_LABEL: Record<ApprovalStage, string> = {
  none: 'No stage',
  internal: 'Agency approves',
  internal_then_client: 'Agency, then client',
};

/** per action: "default" and platform ids → a stage; a platform left out follows the action's default */
type Stages = Record<ActionId, Record<string, ApprovalStage>>;

const empty = (): Stages => ({ publish: {}, reply: {}, dm: {} });

/**
 * Which approvals each action needs, per platform (issue #14): none, the agency's, or the agency's then the client's
 * reviewer's (publish only). Stages add to the autonomy; they never relax it.
 */
export function ApprovalStagesForm({ clientId, editable }: { clientId: string; editable: boolean }) {
  const q = useQuery(ApprovalStagesQuery, { clientId });
  const save = useMutation(UpdateApprovalStagesMutation);
  const platforms = usePlatforms();
  const [stages, setStages] = useState<Stages>(empty);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const rules = q.data?.policySettings.approvalStages;
    if (!rules) return;
    const next = empty();
    for (const r of rules) if (r.action in next) next[r.action as ActionId][r.platform] = r.stage;
    setStages(next);
  }, [q.data]);

  if (!q.data || !platforms.list)
    return q.error || platforms.error ? (
      <ErrorBox error={q.error ?? platforms.error} onRetry={() => void Promise.all([q.reload(), platforms.reload()])} />
    ) : (
      <Loading what="the approval stages" />
    );

  const set = (action: ActionId, platform: string, value: ApprovalStage | '') => {
    setSaved(false);
    setStages((s) => {
      const perAction = { ...s[action] };
      if (value === '') delete perAction[platform];
      else perAction[platform] = value;
      return { ...s, [action]: perAction };
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const rules: ApprovalStageRuleInput[] = ACTIONS.flatMap((a) =>
      Object.entries(stages[a.id])
        // A default of "no stage" is what no rule means: it is left out.
        .filter(([platform, stage]) => !(platform === 'default' && stage === 'none'))
        .map(([platform, stage]) => ({ action: a.id, platform, stage })),
    );
    const r = await save.run({ input: { clientId, approvalStages: rules } });
    if (r) {
      setSaved(true);
      await q.reload();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="approval-stages" aria-labelledby="stages-heading">
      <h2 id="stages-heading">Approval stages</h2>
      <p className="hint">
        Who must approve before Raize acts, per action and platform. “Agency, then client” asks the client’s reviewer
        (through a review link, see Client review) after the agency’s approval; an edit after any approval starts the
        stages again. Stages add to the autonomy above; they never relax it.
      </p>
      <fieldset disabled={!editable || save.pending} className="fieldset plain">
        <legend className="visually-hidden">Approval stages per action and platform</legend>
        <table className="table compact" data-testid="approval-stages">
          <thead>
            <tr>
              <th scope="col">Platform</th>
              {ACTIONS.map((a) => (
                <th key={a.id} scope="col">
                  {a.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Default (every platform without its own rule)</th>
              {ACTIONS.map((a) => (
                <td key={a.id}>
                  <select
                    aria-label={`${a.label}: default`}
                    value={stages[a.id].default ?? 'none'}
                    onChange={(e) => set(a.id, 'default', e.target.value as ApprovalStage)}
                  >
                    {a.stages.map((s) => (
                      <option key={s} value={s}>
                        {STAGE_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
            {platforms.list.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.displayName}</th>
                {ACTIONS.map((a) => (
                  <td key={a.id}>
                    <select
                      aria-label={`${a.label} on ${p.displayName}`}
                      value={stages[a.id][p.id] ?? ''}
                      onChange={(e) => set(a.id, p.id, e.target.value as ApprovalStage | '')}
                    >
                      <option value="">Same as default</option>
                      {a.stages.map((s) => (
                        <option key={s} value={s}>
                          {STAGE_LABEL[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <ErrorBox error={save.error} />
      {saved && <Notice tone="success">Approval stages saved. They apply from the next guard decision.</Notice>}
      {editable && (
        <button type="submit" className="button primary" disabled={save.pending} data-mutates="policy.update">
          {save.pending ? 'Saving…' : 'Save approval stages'}
        </button>
      )}
    </form>
  );
}
