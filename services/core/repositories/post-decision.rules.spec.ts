import { CONTENT_CHANGED_MESSAGE, decisionRefusal } from './post-decision.rules';

const ctx = { authors: ['writer', 'editor'], fourEyes: true, currentChecksum: 'now', clientStageOpen: false };

describe('decisionRefusal: who may decide what about a post', () => {
  it('[C-21] every author (scheduler, creator, editor) is refused as the second pair of eyes', () => {
    for (const actorId of ctx.authors)
      expect(decisionRefusal({ kind: 'approve', actorId, role: 'Manager', assetChecksum: 'now' }, ctx)).toEqual({
        refusal: 'four_eyes',
        reason: 'four eyes: you wrote, scheduled or edited this text, so someone else must approve it',
      });
    expect(decisionRefusal({ kind: 'approve', actorId: 'other', role: 'Reviewer', assetChecksum: 'now' }, ctx)).toBe(
      undefined,
    );
    // With four eyes off, an author may approve their own text.
    expect(
      decisionRefusal(
        { kind: 'approve', actorId: 'editor', role: 'Manager', assetChecksum: 'now' },
        { ...ctx, fourEyes: false },
      ),
    ).toBe(undefined);
  });

  it('[C-23] an approval of another version, or of none, is a conflict with the same words everywhere', () => {
    for (const assetChecksum of ['before', null])
      expect(decisionRefusal({ kind: 'approve', actorId: 'other', role: 'Admin', assetChecksum }, ctx)).toEqual({
        refusal: 'content_changed',
        reason: CONTENT_CHANGED_MESSAGE,
      });
    expect(CONTENT_CHANGED_MESSAGE).toBe('the text changed while you were reading; review it again');
  });

  it("[C-21] the actor's role decides each kind; authors may reject, cancel and reschedule their own post", () => {
    expect(decisionRefusal({ kind: 'approve', actorId: 'other', role: 'Analyst', assetChecksum: 'now' }, ctx)).toEqual({
      refusal: 'role',
      reason: 'role Analyst may not approve posts for this client',
    });
    expect(decisionRefusal({ kind: 'cancel', actorId: 'writer', role: 'Reviewer' }, ctx)?.reason).toBe(
      'role Reviewer may not cancel posts for this client',
    );
    expect(decisionRefusal({ kind: 'reschedule', actorId: 'writer', role: null }, ctx)?.reason).toBe(
      'role none may not reschedule posts for this client',
    );
    expect(decisionRefusal({ kind: 'reject', actorId: 'writer', role: 'Reviewer' }, ctx)).toBe(undefined);
    expect(decisionRefusal({ kind: 'cancel', actorId: 'writer', role: 'Publisher' }, ctx)).toBe(undefined);
  });

  describe('a client reviewer (issue #14)', () => {
    const open = { ...ctx, clientStageOpen: true };
    const reviewer = (kind: Parameters<typeof decisionRefusal>[0]['kind'], c = open, checksum = 'now') =>
      decisionRefusal({ kind, actorId: 'rev-1', role: 'ClientReviewer', assetChecksum: checksum }, c);

    it('approves, rejects, asks for changes or holds a post waiting for the client', () => {
      for (const kind of ['approve', 'reject', 'request_changes', 'hold'] as const)
        expect(reviewer(kind)).toBe(undefined);
    });

    it('never cancels or reschedules', () => {
      for (const kind of ['cancel', 'reschedule'] as const)
        expect(reviewer(kind)).toEqual({ refusal: 'role', reason: `a client reviewer may not ${kind} posts` });
    });

    it('decides nothing about a post that does not wait for the client', () => {
      for (const kind of ['approve', 'reject', 'request_changes', 'hold'] as const)
        expect(reviewer(kind, ctx)?.refusal).toBe('stage');
    });

    it('[C-23] approves only the content as it is now', () => {
      expect(reviewer('approve', open, 'before')).toEqual({
        refusal: 'content_changed',
        reason: CONTENT_CHANGED_MESSAGE,
      });
    });

    it('an operator cannot ask for changes or hold through the API', () => {
      for (const kind of ['request_changes', 'hold'] as const)
        expect(decisionRefusal({ kind, actorId: 'op', role: 'Admin' }, open)?.refusal).toBe('role');
    });
  });
});
