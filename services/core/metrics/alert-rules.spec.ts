import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../util/repo-root';
import { ALERT_EVALUATORS } from './alert-evaluators';
import { ALERT_RULES_PATH, loadAlertRules, parseAlertRules } from './alert-rules';
import { exposedName } from './metric-catalog';

const text = readFileSync(join(repoRoot(), ALERT_RULES_PATH), 'utf8');

describe('deploy/alerts/raize-alerts.yaml and the evaluators', () => {
  const rules = loadAlertRules();

  it('has one rule per evaluator, and one evaluator per rule', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(Object.keys(ALERT_EVALUATORS).sort());
  });

  it.each(rules.map((r) => [r.name, r] as const))(
    "%s: expr is the evaluator's PromQL, its comparison and the rule's raize_threshold",
    (_name, rule) => {
      const ev = ALERT_EVALUATORS[rule.id];
      const raw = (
        parse(text) as { groups: { rules: { alert: string; annotations: { raize_threshold: string } }[] }[] }
      ).groups
        .flatMap((g) => g.rules)
        .find((r) => r.alert === rule.name)!;
      expect(rule.expr).toBe(`${ev.promql} ${ev.op} ${raw.annotations.raize_threshold}`);
      expect(ev.promql).toContain(exposedName(ev.metric));
    },
  );

  it('covers the conditions issue #15 asks for', () => {
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'publish_schedule_to_start',
        'publish_backlog',
        'episodes_failed_or_parked',
        'guard_refusal_spike',
        'connector_errors',
        'token_expiring_24h',
        'provider_outage',
        'lane_without_pollers',
        'cap_near_limit',
      ]),
    );
  });

  it('points every runbook at a section of docs/metrics.md', () => {
    const doc = readFileSync(join(repoRoot(), 'docs', 'metrics.md'), 'utf8');
    const anchors = new Set(
      [...doc.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
        m[1]
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const r of rules) {
      const [file, anchor] = r.runbook.split('#');
      expect(file).toBe('docs/metrics.md');
      expect(anchors).toContain(anchor);
    }
  });
});

describe('parseAlertRules (the rule file is checked, as promtool would)', () => {
  const good = {
    alert: 'RaizeX',
    expr: 'sum(raize_tokens_expiring_24h) > 0',
    labels: { severity: 'warning' },
    annotations: {
      summary: 's',
      runbook: 'docs/metrics.md#x',
      raize_check: 'token_expiring_24h',
      raize_threshold: '0',
    },
  };
  const file = (rule: Record<string, unknown>) => JSON.stringify({ groups: [{ name: 'g', rules: [rule] }] });

  it('reads a well-formed rule', () => {
    expect(parseAlertRules(file(good))[0]).toMatchObject({
      id: 'token_expiring_24h',
      threshold: 0,
      severity: 'warning',
    });
  });

  it.each([
    ['an unknown severity', { ...good, labels: { severity: 'page' } }, /labels\.severity/],
    [
      'an evaluator that does not exist',
      { ...good, annotations: { ...good.annotations, raize_check: 'nope' } },
      /raize_check/,
    ],
    [
      'a threshold that is no number',
      { ...good, annotations: { ...good.annotations, raize_threshold: 'ten' } },
      /raize_threshold/,
    ],
    ['a bad duration', { ...good, for: 'five minutes' }, /for/],
    ['a field Prometheus does not know', { ...good, severity: 'warning' }, /severity/],
  ])('refuses %s, naming the field', (_what, rule, message) => {
    expect(() => parseAlertRules(file(rule))).toThrow(message);
  });

  it('refuses two rules with one evaluator', () => {
    const twice = JSON.stringify({ groups: [{ name: 'g', rules: [good, { ...good, alert: 'RaizeY' }] }] });
    expect(() => parseAlertRules(twice)).toThrow(/more than one rule/);
  });
});
