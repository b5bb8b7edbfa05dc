import type { WorkflowHandle } from '@temporalio/client';
import {
  creationItemWorkflowId,
  creationStatusQuery,
  resumeSignal,
} from '../../../workflows/contracts/creation.contract';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { plannedItem } from '../../integration/creation/creation-harness';
import type { FaultWorld } from './fault-world';
import { MAX_OUTAGE_MS, OPENAI_KEY } from './fault-world';
import { sleep } from './fault-scenes';
import { OUTAGE_BREAKER } from './outage-providers';

const CHAT = '/v1/chat/completions';

interface ItemRow {
  status: string;
  reasons: { code: string; message: string }[];
  asset_id: string | null;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read().catch(() => undefined);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last seen ${JSON.stringify(v)}`);
    await sleep(250);
  }
}

/** A client whose captions go to OpenAI (its own key, set as an Admin does), with a sandbox account to plan for. */
async function openAiClient(w: FaultWorld): Promise<{ t: SeededTenant; acc: ConnectedAccount }> {
  const { stack } = w;
  const t = await seedTenant(stack.ds);
  const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
  const key = await stack.gql(
    t.users.admin,
    'mutation($i: SetProviderKeyInput!) { setProviderKey(input: $i) { provider } }',
    {
      i: { clientId: t.clientId, provider: 'openai', apiKey: OPENAI_KEY },
    },
  );
  expect(key.errors).toBeUndefined();
  const settings = await stack.gql(
    t.users.admin,
    'mutation($i: UpdateAiSettingsInput!) { updateAiSettings(input: $i) { preferred { text } } }',
    { i: { clientId: t.clientId, monthlyBudgetMicros: 50_000_000, preferred: { text: 'openai' } } },
  );
  expect(settings.errors).toBeUndefined();
  return { t, acc };
}

/** OpenAI goes down: the first call hangs past the deadline, every later one answers 503. */
const outage = (w: FaultWorld) =>
  w.openaiAdmin.setFaults([
    { fault: { kind: 'hang' }, match: { path: CHAT }, times: 1 },
    { fault: { kind: 'status', status: 503 }, match: { path: CHAT } },
  ]);

async function textItem(w: FaultWorld, c: { t: SeededTenant; acc: ConnectedAccount }) {
  const lane = { stack: w.stack, queue: w.queues.creation, close: () => Promise.resolve() };
  const { itemId } = await plannedItem(lane, c.t, c.acc.accountId, {
    creator: c.t.users.author,
    format: 'text',
    slotAt: new Date(Date.now() + 3 * 86_400_000),
  });
  const row = async (): Promise<ItemRow> =>
    (await w.stack.ds.query<ItemRow[]>('SELECT status, reasons, asset_id FROM plan_items WHERE id = $1', [itemId]))[0]!;
  const handle: WorkflowHandle = w.temporal.workflow.getHandle(creationItemWorkflowId(c.t.clientId, itemId));
  return { itemId, row, handle };
}

const chatCalls = async (w: FaultWorld) => (await w.openaiAdmin.listRequests()).filter((r) => r.path === CHAT);

export function providerOutageScenarios(world: () => FaultWorld): void {
  describe('[C-51] an AI provider outage', () => {
    let client: Promise<{ t: SeededTenant; acc: ConnectedAccount }> | undefined;
    const openAi = () => (client ??= openAiClient(world()));

    it('[C-51] the breaker opens, the creation episode waits with its reason and resumes by itself when the provider is back; one asset', async () => {
      const w = world();
      w.tally.scenario('provider outage, waited out');
      const c = await openAi();
      await w.openaiAdmin.clearRequests();
      await outage(w);
      const item = await textItem(w, c);

      // The breaker opened after the retries; the episode waits and says why and until when (what operators see:
      // the item's status and reason, which raize_ai_work_waiting_on_provider counts).
      const waiting = await until('the item waits', item.row, (r) => r.status === 'waiting');
      expect(waiting.reasons.map((r) => r.code)).toEqual(['circuit_open']);
      const live = await item.handle.query(creationStatusQuery);
      expect(live).toMatchObject({ status: 'waiting', assetId: null });
      expect(live.retryAt).toBeDefined();
      const opened = w.providers.breakers.transitions.filter((x) => x.state === 'open');
      expect(opened.length).toBeGreaterThanOrEqual(1);

      // Still down at retryAt: one trial per cool-down gets through the breaker, fails, and opens it again.
      const opens = () => w.providers.breakers.transitions.filter((x) => x.state === 'open').length;
      const openedBefore = opens();
      await until(
        'a failed half-open trial',
        () => Promise.resolve(opens()),
        (n) => n > openedBefore,
      );
      await until('the item waits again', item.row, (r) => r.status === 'waiting');
      const elapsed = Date.now() - opened[0]!.at;
      const calls = await chatCalls(w);
      expect(calls.length).toBeGreaterThanOrEqual(4);
      expect(calls.length).toBeLessThanOrEqual(3 + Math.ceil(elapsed / OUTAGE_BREAKER.cooldownMs) + 1);
      expect(calls.map((r) => r.status)).not.toContain(200);

      // The provider is back: the next trial closes the breaker, and the episode carries on to review by itself.
      await w.openaiAdmin.clearFaults();
      const inReview = await until('the item reaches review', item.row, (r) => r.status === 'in_review');
      expect(inReview.asset_id).not.toBeNull();
      expect(w.providers.breakers.transitions.at(-1)?.state).toBe('closed');
      expect((await chatCalls(w)).filter((r) => r.status === 200)).toHaveLength(1);
      const assets = await w.stack.ds.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM assets WHERE client_id = $1',
        [c.t.clientId],
      );
      expect(assets[0]!.n).toBe(1);
    });

    it("[C-51] an outage longer than the maximum parks the item with provider_unavailable; an operator's resume carries it to review once the provider is back", async () => {
      const w = world();
      w.tally.scenario('provider outage beyond the maximum');
      const c = await openAi();
      const before = await w.stack.ds.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM assets WHERE client_id = $1',
        [c.t.clientId],
      );
      await w.openaiAdmin.clearRequests();
      await outage(w);
      const item = await textItem(w, c);

      const parked = await until('the item parks', item.row, (r) => r.status === 'parked', MAX_OUTAGE_MS + 60_000);
      expect(parked.reasons.map((r) => r.code)).toEqual(['provider_unavailable']);
      expect(parked.reasons[0]!.message).toMatch(/unavailable since .*resume the item/);
      expect(parked.asset_id).toBeNull();
      w.tally.parkedAsExpected();
      // Parked stays parked: no more calls while nobody resumes it.
      const callsWhenParked = (await chatCalls(w)).length;
      await sleep(OUTAGE_BREAKER.cooldownMs + 1_000);
      expect((await chatCalls(w)).length).toBe(callsWhenParked);
      expect((await item.row()).status).toBe('parked');

      // Nothing was lost: the provider is back, an operator resumes the item, and it goes on to review.
      await w.openaiAdmin.clearFaults();
      await item.handle.signal(resumeSignal);
      const inReview = await until('the item reaches review', item.row, (r) => r.status === 'in_review');
      expect(inReview.asset_id).not.toBeNull();
      const after = await w.stack.ds.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM assets WHERE client_id = $1',
        [c.t.clientId],
      );
      expect(after[0]!.n - before[0]!.n).toBe(1);
    });
  });
}
