import { randomBytes } from 'node:crypto';
import { connectSandboxAccount } from '../../factories/connect-account';
import { seedTenant } from '../../factories/tenant.factory';
import type { CreationLane } from './creation-harness';
import { plannedItem, startCreationLane, until } from './creation-harness';

// A client who chose HeyGen for avatars but stored no presenter: the creation episode parks the avatar item for a
// human with a reason in words, instead of failing the creator step on the adapter's refusal. Real Temporal (the
// worker bundle), the lane's activities and gateway, Postgres under row-level security, the API.

interface ItemView {
  status: string;
  reasons: { code: string; message: string }[];
  asset: { id: string } | null;
}

describe('an avatar item of a HeyGen client without a presenter is parked, not crashed', () => {
  let lane: CreationLane;
  beforeAll(async () => {
    lane = await startCreationLane();
  });
  afterAll(async () => {
    await lane?.close();
  });

  it('parks with no_provider and what to set; no asset, no AI call', async () => {
    const t = await seedTenant(lane.stack.ds);
    const acc = await connectSandboxAccount(lane.stack, t.users.admin, t.clientId);
    // Its HeyGen key is set: the one thing missing is the presenter.
    const key = await lane.stack.gql(
      t.users.admin,
      'mutation($i: SetProviderKeyInput!) { setProviderKey(input: $i) { provider } }',
      { i: { clientId: t.clientId, provider: 'heygen', apiKey: `hg-${randomBytes(16).toString('hex')}` } },
    );
    expect(key.errors).toBeUndefined();
    const chose = await lane.stack.gql(
      t.users.admin,
      'mutation($i: UpdateAiSettingsInput!) { updateAiSettings(input: $i) { presenter { avatarId } } }',
      { i: { clientId: t.clientId, monthlyBudgetMicros: 5_000_000, preferred: { avatar: 'heygen' } } },
    );
    expect(chose).toEqual({ data: { updateAiSettings: { presenter: null } } });

    const { itemId } = await plannedItem(lane, t, acc.accountId, {
      creator: t.users.author,
      format: 'avatar',
      slotAt: new Date(Date.now() + 3_600_000),
    });
    const parked = await until(
      async () => {
        const r = await lane.stack.gql<{ reviewItem: ItemView }>(
          t.users.approver,
          'query($id: ID!) { reviewItem(id: $id) { status reasons { code message } asset { id } } }',
          { id: itemId },
        );
        if (!r.data) throw new Error(`reviewItem: ${JSON.stringify(r.errors)}`);
        return r.data.reviewItem;
      },
      (i) => !['creating', 'generating'].includes(i.status),
      `item ${itemId} (parked)`,
    );
    expect(parked.status).toBe('parked');
    expect(parked.reasons).toHaveLength(1);
    expect(parked.reasons[0].code).toBe('no_provider');
    expect(parked.reasons[0].message).toMatch(
      /^heygen makes this client's avatar videos but no presenter is set: .*heygen avatar id and voice id under AI providers/,
    );
    expect(parked.asset).toBeNull();
    const calls = await lane.stack.ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ai_usage WHERE client_id = $1',
      [t.clientId],
    );
    expect(calls[0].n).toBe(0);
  });
});
