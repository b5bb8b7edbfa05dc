import type { DataSource } from 'typeorm';
import { outageWaitOrPark } from './outage-park';

const item = { agencyId: 'a', clientId: 'c', planId: 'p', itemId: 'i', workflowId: 'w' };
const outage = { code: 'circuit_open', message: 'openai is unavailable (unavailable) after 3 attempt(s)' };
const T0 = Date.parse('2026-03-01T10:00:00Z');

/** The item's status events, newest first, as plan_events answers them. */
function eventsDs(events: { status: string; code?: string; atMs: number }[]): DataSource {
  const rows = events.map((e) => ({ status: e.status, code: e.code ?? null, at: new Date(e.atMs) }));
  return { query: () => Promise.resolve(rows) } as unknown as DataSource;
}

describe('outageWaitOrPark (C-51)', () => {
  const max = 60_000;

  it('waits while the run of outage waits is shorter than the maximum', async () => {
    const ds = eventsDs([
      { status: 'generating', atMs: T0 + 40_000 },
      { status: 'waiting', code: 'circuit_open', atMs: T0 + 30_000 },
      { status: 'generating', atMs: T0 + 20_000 },
      { status: 'waiting', code: 'circuit_open', atMs: T0 },
      { status: 'generating', atMs: T0 - 1_000 },
    ]);
    expect(await outageWaitOrPark(ds, item, outage, { maxOutageMs: max, now: new Date(T0 + 59_000) })).toBe(outage);
  });

  it('parks with provider_unavailable once the run began longer ago than the maximum', async () => {
    const ds = eventsDs([
      { status: 'generating', atMs: T0 + 61_000 },
      { status: 'waiting', code: 'circuit_open', atMs: T0 + 30_000 },
      { status: 'waiting', code: 'circuit_open', atMs: T0 },
    ]);
    const out = await outageWaitOrPark(ds, item, outage, { maxOutageMs: max, now: new Date(T0 + 61_000) });
    expect(out.code).toBe('provider_unavailable');
    expect(out.message).toContain('2026-03-01T10:00:00.000Z');
  });

  it('counts only since the last park or other status: a resumed item gets a fresh maximum', async () => {
    const ds = eventsDs([
      { status: 'generating', atMs: T0 + 120_000 },
      { status: 'parked', code: 'provider_unavailable', atMs: T0 + 100_000 },
      { status: 'waiting', code: 'circuit_open', atMs: T0 },
    ]);
    expect(await outageWaitOrPark(ds, item, outage, { maxOutageMs: max, now: new Date(T0 + 500_000) })).toBe(outage);
  });

  it('leaves every other wait alone (budget, refusals) without reading anything', async () => {
    const ds = { query: () => Promise.reject(new Error('not asked')) } as unknown as DataSource;
    const budget = { code: 'budget_exhausted', message: 'monthly budget used' };
    expect(await outageWaitOrPark(ds, item, budget, { maxOutageMs: 0, now: new Date() })).toBe(budget);
  });
});
