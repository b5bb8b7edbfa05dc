import { creationDecisionRefusal } from './creation-decision.rules';

const ctx = { authors: ['creator', 'editor'], fourEyes: true, currentChecksum: 'c1' };

describe('the rules of a decision on an item', () => {
  it('[C-21] refuses an approval by the plan creator or an editor under four eyes, not by someone else', () => {
    for (const who of ['creator', 'editor'])
      expect(
        creationDecisionRefusal({ kind: 'approve', actorId: who, role: 'Manager', assetChecksum: 'c1' }, ctx),
      ).toMatchObject({ refusal: 'four_eyes' });
    expect(
      creationDecisionRefusal({ kind: 'approve', actorId: 'reviewer', role: 'Reviewer', assetChecksum: 'c1' }, ctx),
    ).toBeUndefined();
    expect(
      creationDecisionRefusal(
        { kind: 'approve', actorId: 'creator', role: 'Manager', assetChecksum: 'c1' },
        { ...ctx, fourEyes: false },
      ),
    ).toBeUndefined();
  });

  it('[C-23] refuses an approval of content other than the content now', () => {
    expect(
      creationDecisionRefusal({ kind: 'approve', actorId: 'reviewer', role: 'Reviewer', assetChecksum: 'c0' }, ctx),
    ).toMatchObject({ refusal: 'content_changed' });
  });

  it('asks the role matrix: an Analyst reviews nothing, a Reviewer may not edit, an author may ask for changes', () => {
    expect(creationDecisionRefusal({ kind: 'reject', actorId: 'a', role: 'Analyst' }, ctx)).toMatchObject({
      refusal: 'role',
    });
    expect(creationDecisionRefusal({ kind: 'edit', actorId: 'r', role: 'Reviewer' }, ctx)).toMatchObject({
      refusal: 'role',
    });
    expect(creationDecisionRefusal({ kind: 'request_changes', actorId: 'creator', role: 'Publisher' }, ctx)).toBe(
      undefined,
    );
    expect(creationDecisionRefusal({ kind: 'edit', actorId: 'x', role: null }, ctx)).toMatchObject({ refusal: 'role' });
  });
});
