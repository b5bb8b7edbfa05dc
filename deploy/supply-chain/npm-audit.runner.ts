import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAuditOutput, type AuditOutcome } from './audit-report.parse';

export interface NpmAuditOptions {
  cwd: string;
  /** Another registry than npm's configured one (tests point it at a local advisory endpoint). */
  registry?: string;
  /** Wait before the one retry of a failure that may pass (network error, 5xx). */
  retryDelayMs?: number;
  timeoutMs?: number;
}

export interface NpmAuditRun {
  outcome: AuditOutcome;
  attempts: number;
}

function runOnce(opts: NpmAuditOptions): Promise<string> {
  // npm's own fetch retries back off for minutes on a dead endpoint; this check retries once itself, quickly.
  const args = ['audit', '--json', '--fetch-retries=0'];
  if (opts.registry) args.push(`--registry=${opts.registry}`);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 120_000);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // npm audit exits 1 when it finds anything; the JSON on stdout is the answer either way.
    child.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** A 4xx from the advisory endpoint will not change on a retry (a mirror without it answers 404 or 405). */
function mayPassOnRetry(outcome: AuditOutcome): boolean {
  return (
    outcome.kind === 'unavailable' && !(outcome.statusCode && outcome.statusCode >= 400 && outcome.statusCode < 500)
  );
}

/** `npm audit --json` against the lockfile, retried once when the endpoint failed in a way that may pass. */
export async function runNpmAudit(opts: NpmAuditOptions): Promise<NpmAuditRun> {
  let outcome = parseAuditOutput(await runOnce(opts));
  if (!mayPassOnRetry(outcome)) return { outcome, attempts: 1 };
  await sleep(opts.retryDelayMs ?? 5_000);
  outcome = parseAuditOutput(await runOnce(opts));
  return { outcome, attempts: 2 };
}
