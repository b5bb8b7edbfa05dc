import { compare } from './alert-evaluators';
import type { AlertRule } from './alert-rules';
import { evaluateRules, loadAlertRules } from './alert-rules';
import type { LaneReading, Readings } from './readings/readings.types';

/** Readings with nothing wrong anywhere: every lane polled, nothing waiting, failing or expiring. */
function quiet(over: Partial<Readings> = {}): Readings {
  const lanes: LaneReading[] = (['publish', 'engagement', 'creation', 'planning'] as const).flatMap((lane) =>
    (['workflow', 'activity'] as const).map((kind) => ({ lane, kind, pollers: 1, backlog: 0, backlogAgeSeconds: 0 })),
  );
  return {
    at: new Date('2026-12-01T10:00:00Z'),
    lanes,
    episodes: [{ labels: { kind: 'publish', state: 'completed' }, value: 3 }],
    failedOrParked: [],
    guardRefusals: [],
    failingAccounts: [],
    tokensExpiring24h: [],
    tokensExpiring7d: [],
    capUsage: [],
    aiWaiting: [],
    ...over,
  };
}

const rules = loadAlertRules();
const ruleOf = (id: string): AlertRule => rules.find((r) => r.id === id)!;
const judge = (id: string, r: Readings) => evaluateRules([ruleOf(id)], r)[0];
const lanesWith = (f: (l: LaneReading) => Partial<LaneReading>) => quiet().lanes!.map((l) => ({ ...l, ...f(l) }));

describe('the alert evaluators', () => {
  it('all stay quiet on quiet readings', () => {
    expect(evaluateRules(rules, quiet()).filter((e) => e.firing)).toEqual([]);
  });

  it('say "no reading" (null, not firing) when a part could not be read', () => {
    const blind: Readings = {
      ...quiet(),
      lanes: null,
      failedOrParked: null,
      guardRefusals: null,
      failingAccounts: null,
      tokensExpiring24h: null,
      capUsage: null,
      aiWaiting: null,
    };
    for (const e of evaluateRules(rules, blind)) {
      expect(e).toMatchObject({ firing: false, value: null });
      expect(e.summary).not.toMatch(/\{\{/);
    }
  });

  describe('publish_schedule_to_start', () => {
    const age = (s: number) =>
      quiet({ lanes: lanesWith((l) => (l.lane === 'publish' ? { backlogAgeSeconds: s } : {})) });
    it('fires when the oldest publish task waits longer than the bound', () => {
      const t = ruleOf('publish_schedule_to_start').threshold;
      expect(judge('publish_schedule_to_start', age(t))).toMatchObject({ firing: false, value: t });
      expect(judge('publish_schedule_to_start', age(t + 5))).toMatchObject({ firing: true, value: t + 5 });
    });
    it("ignores the other lanes' backlog", () => {
      const r = quiet({ lanes: lanesWith((l) => (l.lane === 'planning' ? { backlogAgeSeconds: 10_000 } : {})) });
      expect(judge('publish_schedule_to_start', r).firing).toBe(false);
    });
  });

  describe('publish_backlog', () => {
    it("adds the publish lane's workflow and activity backlogs", () => {
      const t = ruleOf('publish_backlog').threshold;
      const r = quiet({ lanes: lanesWith((l) => (l.lane === 'publish' ? { backlog: t / 2 + 1 } : { backlog: 999 })) });
      expect(judge('publish_backlog', r)).toMatchObject({ firing: true, value: t + 2 });
    });
  });

  describe('lane_without_pollers', () => {
    it('names each lane whose workflow queue nobody polls', () => {
      const r = quiet({
        lanes: lanesWith((l) => (l.lane !== 'publish' && l.kind === 'workflow' ? { pollers: 0 } : {})),
      });
      const e = judge('lane_without_pollers', r);
      expect(e).toMatchObject({ firing: true, value: 0, subjects: ['engagement', 'creation', 'planning'] });
      expect(e.summary).toContain('engagement, creation, planning');
    });
    it('does not fire for an activity queue alone (a lane may run workflows only)', () => {
      const r = quiet({ lanes: lanesWith((l) => (l.kind === 'activity' ? { pollers: 0 } : {})) });
      expect(judge('lane_without_pollers', r).firing).toBe(false);
    });
  });

  describe('episodes_failed_or_parked', () => {
    it('fires on any failed, parked or quarantined episode of the last hour', () => {
      const r = quiet({
        failedOrParked: [
          { labels: { kind: 'publish', state: 'failed' }, value: 1 },
          { labels: { kind: 'creation', state: 'parked' }, value: 2 },
        ],
      });
      expect(judge('episodes_failed_or_parked', r)).toMatchObject({ firing: true, value: 3 });
    });
  });

  describe('guard_refusal_spike', () => {
    it('adds every reason and compares with the bound', () => {
      const t = ruleOf('guard_refusal_spike').threshold;
      const at = (n: number) =>
        quiet({
          guardRefusals: [
            { labels: { reason: 'cap_reached' }, value: n - 1 },
            { labels: { reason: 'quiet_hours' }, value: 1 },
          ],
        });
      expect(judge('guard_refusal_spike', at(t)).firing).toBe(false);
      expect(judge('guard_refusal_spike', at(t + 1))).toMatchObject({ firing: true, value: t + 1 });
    });
  });

  describe('connector_errors', () => {
    it('judges each platform on its own and names the failing ones', () => {
      const t = ruleOf('connector_errors').threshold;
      const r = quiet({
        failingAccounts: [
          { labels: { platform: 'x', class: 'auth' }, value: t - 1 },
          { labels: { platform: 'x', class: 'transient' }, value: 1 },
          { labels: { platform: 'tiktok', class: 'transient' }, value: t - 1 },
        ],
      });
      const e = judge('connector_errors', r);
      expect(e).toMatchObject({ firing: true, value: t, subjects: ['x'] });
      expect(e.summary).toContain(': x');
    });
  });

  describe('token_expiring_24h', () => {
    it('fires while any account loses access within a day', () => {
      expect(judge('token_expiring_24h', quiet()).firing).toBe(false);
      const r = quiet({ tokensExpiring24h: [{ labels: { platform: 'linkedin' }, value: 1 }] });
      expect(judge('token_expiring_24h', r)).toMatchObject({ firing: true, value: 1 });
    });
  });

  describe('provider_outage', () => {
    it('fires while AI work waits on an open circuit', () => {
      const r = quiet({ aiWaiting: [{ labels: { kind: 'creation' }, value: 2 }] });
      expect(judge('provider_outage', r)).toMatchObject({ firing: true, value: 2 });
    });
  });

  describe('cap_near_limit', () => {
    it('fires at the ratio, on the fullest cap', () => {
      const t = ruleOf('cap_near_limit').threshold;
      const r = (x: number) =>
        quiet({
          capUsage: [
            { labels: { kind: 'publish', class: 'account' }, value: 0.1 },
            { labels: { kind: 'reply', class: 'client' }, value: x },
          ],
        });
      expect(judge('cap_near_limit', r(t - 0.05)).firing).toBe(false);
      expect(judge('cap_near_limit', r(t))).toMatchObject({ firing: true, value: t });
    });
  });

  it('compares as Prometheus does', () => {
    expect([
      compare(1, '>', 1),
      compare(1, '>=', 1),
      compare(0, '<', 1),
      compare(1, '<=', 1),
      compare(1, '==', 1),
    ]).toEqual([false, true, true, true, true]);
  });
});
