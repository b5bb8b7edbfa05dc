import { startProcessMetrics } from './metrics-exporter';
import { recordConnectorCall, recordGuardDecision, recordProviderCall } from './record-metrics';
import { registerStateGauges } from './state-gauges';
import type { Readings } from './readings/readings.types';

describe('process metrics', () => {
  it('record nothing, and throw nothing, before an exporter is installed', () => {
    expect(() => recordGuardDecision({ action: 'publish', outcome: 'done', reasons: [] })).not.toThrow();
  });

  it('write what the kernel, connectors and gateway record, with bounded labels only', async () => {
    const m = startProcessMetrics('spec');
    try {
      recordGuardDecision({ action: 'publish', outcome: 'done', reasons: [] });
      recordGuardDecision({
        action: 'publish',
        outcome: 'denied',
        reasons: ['cap_reached', 'quiet_hours', 'cap_reached'],
      });
      recordGuardDecision({ action: 'reply', outcome: 'denied', reasons: ['a tenant wrote this'] });
      recordConnectorCall('sandbox', 'ok');
      recordConnectorCall('x', 'rate_limited');
      recordConnectorCall('3f0c6a1e-1111-4222-8333-944445555666', 'ok');
      recordProviderCall({ provider: 'local', kind: 'text', outcome: 'ok', durationMs: 1500, costMicros: 42 });
      const text = await m.scrape();
      expect(text).toContain('raize_guard_decisions_total{kind="publish",state="allowed",reason="none"} 1');
      expect(text).toContain('raize_guard_decisions_total{kind="publish",state="denied",reason="cap_reached"} 1');
      expect(text).toContain('raize_guard_decisions_total{kind="publish",state="denied",reason="quiet_hours"} 1');
      expect(text).toContain('raize_guard_decisions_total{kind="reply",state="denied",reason="other"} 1');
      expect(text).toContain('raize_connector_calls_total{platform="x",class="rate_limited"} 1');
      expect(text).toContain('raize_connector_calls_total{platform="other",class="ok"} 1');
      expect(text).toContain('raize_provider_call_duration_seconds_count{provider="local",kind="text",state="ok"} 1');
      expect(text).toContain('raize_provider_cost_usd_micros_total{provider="local",kind="text"} 42');
      expect(text).not.toMatch(/3f0c6a1e|tenant wrote/);
    } finally {
      await m.shutdown();
    }
  });

  it('observe the state gauges from the newest readings', async () => {
    const m = startProcessMetrics('spec');
    let readings: Readings | null = null;
    const remove = registerStateGauges(m.meter, () => readings);
    try {
      expect(await m.scrape()).not.toContain('raize_task_queue_pollers');
      readings = {
        at: new Date(),
        lanes: [{ lane: 'publish', kind: 'workflow', pollers: 2, backlog: 5, backlogAgeSeconds: 1.5 }],
        episodes: [{ labels: { kind: 'publish', state: 'running' }, value: 7 }],
        failedOrParked: null,
        guardRefusals: [{ labels: { reason: 'kill_switch' }, value: 3 }],
        failingAccounts: [],
        tokensExpiring24h: [{ labels: { platform: 'x' }, value: 1 }],
        tokensExpiring7d: [],
        capUsage: [{ labels: { kind: 'publish', class: 'account' }, value: 0.5 }],
        aiWaiting: [],
      };
      const text = await m.scrape();
      expect(text).toContain('raize_task_queue_pollers{lane="publish",kind="workflow"} 2');
      expect(text).toContain('raize_task_queue_backlog_age_seconds{lane="publish",kind="workflow"} 1.5');
      expect(text).toContain('raize_episodes{kind="publish",state="running"} 7');
      expect(text).toContain('raize_guard_refusals_last_hour{reason="kill_switch"} 3');
      expect(text).toContain('raize_tokens_expiring_24h{platform="x"} 1');
      expect(text).toContain('raize_cap_usage_ratio{kind="publish",class="account"} 0.5');
    } finally {
      remove();
      await m.shutdown();
    }
  });
});
