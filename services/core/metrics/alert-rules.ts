import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config/config-error';
import { repoRoot } from '../util/repo-root';
import type { AlertCheckId, AlertEvaluator } from './alert-evaluators';
import { ALERT_EVALUATORS, compare, isAlertCheckId } from './alert-evaluators';
import type { Readings } from './readings/readings.types';

export const ALERT_RULES_PATH = join('deploy', 'alerts', 'raize-alerts.yaml');

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** A Prometheus duration (`30s`, `5m`, `1h`). */
const duration = z.string().regex(/^\d+[smhd]$/, 'a Prometheus duration such as 30s, 5m or 1h');

const ruleSchema = z
  .object({
    alert: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    expr: z.string().min(1),
    for: duration.optional(),
    labels: z.object({ severity: z.enum(ALERT_SEVERITIES) }).catchall(z.string()),
    annotations: z
      .object({
        summary: z.string().min(1),
        runbook: z.string().min(1),
        raize_check: z.string().refine(isAlertCheckId, 'not an evaluator in services/core/metrics/alert-evaluators.ts'),
        raize_threshold: z.string().regex(/^-?\d+(\.\d+)?$/, 'a number, as a string (annotations are strings)'),
      })
      .catchall(z.string()),
  })
  .strict();

const fileSchema = z
  .object({
    groups: z
      .array(
        z
          .object({ name: z.string().min(1), interval: duration.optional(), rules: z.array(ruleSchema).min(1) })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type AlertRuleFile = z.infer<typeof fileSchema>;

/** One rule as Raize evaluates it. */
export interface AlertRule {
  id: AlertCheckId;
  name: string;
  severity: AlertSeverity;
  expr: string;
  for?: string;
  threshold: number;
  summary: string;
  runbook: string;
}

/** Parses and checks a rule file: Prometheus's shape, plus each rule's `raize_check` and `raize_threshold`. */
export function parseAlertRules(text: string, source = ALERT_RULES_PATH): AlertRule[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new ConfigError([`${source}: not valid YAML (${(err as Error).message.split('\n')[0]})`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`));
  const rules = parsed.data.groups.flatMap((g) =>
    g.rules.map((r): AlertRule => ({
      id: r.annotations.raize_check as AlertCheckId,
      name: r.alert,
      severity: r.labels.severity,
      expr: r.expr,
      for: r.for,
      threshold: Number(r.annotations.raize_threshold),
      summary: r.annotations.summary,
      runbook: r.annotations.runbook,
    })),
  );
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) throw new ConfigError([`${source}: raize_check ${r.id} is used by more than one rule`]);
    seen.add(r.id);
  }
  return rules;
}

let cached: AlertRule[] | undefined;

/** The shipped rule file, read once. */
export function loadAlertRules(path = join(repoRoot(), ALERT_RULES_PATH)): AlertRule[] {
  if (!cached) cached = parseAlertRules(readFileSync(path, 'utf8'), path);
  return cached;
}

/** A rule judged against one set of readings. */
export interface EvaluatedRule {
  rule: AlertRule;
  firing: boolean;
  /** the worst series' value (the firing one when firing); null without a reading */
  value: number | null;
  /** the label values of the firing series (a lane, a platform), for the summary */
  subjects: string[];
  summary: string;
}

/**
 * Judges each rule's condition, with its threshold from the rule file, against `readings`. Like Prometheus, a rule
 * fires when any of its series crosses the threshold; unlike it, there is no `for:` wait here: the admin app shows
 * the condition as it stands, with when it was first seen (the caller keeps that).
 */
export function evaluateRules(rules: readonly AlertRule[], readings: Readings): EvaluatedRule[] {
  return rules.map((rule) => {
    const ev: AlertEvaluator = ALERT_EVALUATORS[rule.id];
    const series = ev.series(readings);
    if (!series) return { rule, firing: false, value: null, subjects: [], summary: render(rule.summary, [], null) };
    const firing = series.filter((s) => compare(s.value, ev.op, rule.threshold));
    const pool = firing.length ? firing : series;
    const lowIsBad = ev.op === '<' || ev.op === '<=';
    const worst = pool.length
      ? pool.reduce((a, b) => ((lowIsBad ? b.value < a.value : b.value > a.value) ? b : a)).value
      : 0;
    const subjects = firing.flatMap((s) => (s.subject === null ? [] : [s.subject]));
    return {
      rule,
      firing: firing.length > 0,
      value: worst,
      subjects,
      summary: render(rule.summary, subjects, worst),
    };
  });
}

/** Fills Prometheus's `{{ $labels.x }}` with the firing subjects and `{{ $value }}` with the value. */
export function render(template: string, subjects: string[], value: number | null): string {
  return template
    .replace(/\{\{\s*\$labels\.\w+\s*\}\}/g, subjects.length ? subjects.join(', ') : 'none')
    .replace(/\{\{\s*\$value\s*\}\}/g, value === null ? 'n/a' : String(Math.round(value * 100) / 100));
}
