import { stageFor } from './approval-stages';
import { clientReviewState, type StageFacts } from './client-review-state';

const agency = { approverId: 'op-1', reviewerId: null, assetChecksum: 'now' };
const client = { approverId: null, reviewerId: 'rev-1', assetChecksum: 'now' };
const base: StageFacts = {
  stage: 'internal_then_client',
  currentChecksum: 'now',
  approvals: [],
  clientDecisions: [],
  rejected: false,
};

describe('where a post stands with its client', () => {
  it('needs nothing of the client unless its stages end with the client', () => {
    expect(clientReviewState({ ...base, stage: 'internal' })).toBe('not_required');
    expect(clientReviewState({ ...base, stage: 'none' })).toBe('not_required');
  });

  it('waits for the agency first, then for the client, then is approved', () => {
    expect(clientReviewState(base)).toBe('waiting_internal');
    expect(clientReviewState({ ...base, approvals: [agency] })).toBe('waiting_client');
    expect(clientReviewState({ ...base, approvals: [agency, client] })).toBe('approved');
  });

  it('[C-23] an edit after both approvals goes back to the first stage', () => {
    expect(clientReviewState({ ...base, currentChecksum: 'edited', approvals: [agency, client] })).toBe(
      'waiting_internal',
    );
  });

  it('a hold stands until the client approves again', () => {
    const held = {
      ...base,
      approvals: [agency, client],
      clientDecisions: [{ kind: 'hold' as const, assetChecksum: 'now' }],
    };
    expect(clientReviewState(held)).toBe('on_hold');
    expect(
      clientReviewState({
        ...held,
        clientDecisions: [...held.clientDecisions, { kind: 'approve', assetChecksum: 'now' }],
      }),
    ).toBe('approved');
  });

  it('a change request stands for the content it was about; an edit answers it', () => {
    const asked = {
      ...base,
      approvals: [agency],
      clientDecisions: [{ kind: 'request_changes' as const, assetChecksum: 'now' }],
    };
    expect(clientReviewState(asked)).toBe('changes_requested');
    expect(clientReviewState({ ...asked, currentChecksum: 'edited' })).toBe('waiting_internal');
  });

  it('a client rejection is said as such', () => {
    expect(
      clientReviewState({
        ...base,
        approvals: [agency],
        rejected: true,
        clientDecisions: [{ kind: 'reject', assetChecksum: 'now' }],
      }),
    ).toBe('rejected');
  });
});

describe('stageFor', () => {
  const stages = { publish: { default: 'internal' as const, instagram: 'internal_then_client' as const } };
  it('takes the platform’s own stage, else the action’s default, else none', () => {
    expect(stageFor(stages, 'publish', 'instagram')).toBe('internal_then_client');
    expect(stageFor(stages, 'publish', 'x')).toBe('internal');
    expect(stageFor(stages, 'reply', 'x')).toBe('none');
    expect(stageFor(null, 'publish', 'x')).toBe('none');
    expect(stageFor({ publish: { default: 'bogus' as never } }, 'publish', 'x')).toBe('none');
  });
});
