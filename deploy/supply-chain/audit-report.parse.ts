import { z } from 'zod';

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** An advisory npm audit reports against one vulnerable package (a `via` object of its JSON report). */
export interface Advisory {
  /** GHSA id when the advisory URL is a GitHub advisory, else the URL itself. */
  id: string;
  package: string;
  severity: Severity;
  title: string;
  url: string;
  range: string;
  /** Lockfile paths where the vulnerable package is installed. */
  paths: string[];
}

export type AuditOutcome =
  | { kind: 'report'; advisories: Advisory[]; dependencies: number }
  | { kind: 'unavailable'; statusCode?: number; message: string };

const viaAdvisorySchema = z.looseObject({
  source: z.number(),
  name: z.string(),
  title: z.string(),
  url: z.string(),
  severity: z.enum(SEVERITIES),
  range: z.string(),
});

const reportSchema = z.looseObject({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.looseObject({
      name: z.string(),
      // Strings name the dependency an advisory reaches this package through; objects are the advisories.
      via: z.array(z.union([z.string(), viaAdvisorySchema])),
      nodes: z.array(z.string()),
    }),
  ),
  metadata: z.looseObject({ dependencies: z.looseObject({ total: z.number() }) }),
});

// npm prints this when the advisory endpoint fails: an HTTP error carries statusCode, a network error only a message.
const errorSchema = z.looseObject({
  message: z.string().optional(),
  statusCode: z.number().optional(),
  error: z.looseObject({ summary: z.string().optional(), detail: z.string().optional() }),
});

const GHSA_URL = /^https:\/\/github\.com\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})$/;

/** `https://github.com/advisories/GHSA-…` and `GHSA-…` name the same advisory. */
export function advisoryId(urlOrId: string): string {
  return GHSA_URL.exec(urlOrId)?.[1] ?? urlOrId;
}

/** Reads `npm audit --json` output (npm 7+, report version 2). Anything else means the audit did not run. */
export function parseAuditOutput(stdout: string): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: 'unavailable', message: `npm audit printed no JSON (${stdout.trim().slice(0, 120) || 'empty'})` };
  }
  const report = reportSchema.safeParse(json);
  if (report.success) {
    const advisories = new Map<string, Advisory>();
    for (const vuln of Object.values(report.data.vulnerabilities)) {
      for (const via of vuln.via) {
        if (typeof via === 'string') continue;
        const id = advisoryId(via.url);
        const paths = report.data.vulnerabilities[via.name]?.nodes ?? vuln.nodes;
        advisories.set(`${id}|${via.name}`, {
          id,
          package: via.name,
          severity: via.severity,
          title: via.title,
          url: via.url,
          range: via.range,
          paths,
        });
      }
    }
    return {
      kind: 'report',
      advisories: [...advisories.values()],
      dependencies: report.data.metadata.dependencies.total,
    };
  }
  const error = errorSchema.safeParse(json);
  if (error.success) {
    const { message, statusCode, error: e } = error.data;
    return { kind: 'unavailable', statusCode, message: message || e.summary || e.detail || 'npm audit failed' };
  }
  return { kind: 'unavailable', message: 'npm audit printed JSON of an unknown shape' };
}
