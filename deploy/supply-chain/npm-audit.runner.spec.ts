import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAdvisoryEndpoint } from './fixtures/advisory-endpoint';
import { runNpmAudit } from './npm-audit.runner';

const ROOT = join(__dirname, '..', '..');
const synthetic = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'synthetic-bulk-advisories.json'), 'utf8'),
) as Record<string, unknown[]>;

// The real npm CLI, run on the real lockfile, against a local advisory endpoint.
describe('npm audit runner', () => {
  it('[C-55] reads the advisories npm audit reports for the lockfile', async () => {
    const endpoint = await startAdvisoryEndpoint({ advisories: synthetic });
    try {
      const run = await runNpmAudit({ cwd: ROOT, registry: endpoint.registry });
      expect(run.attempts).toBe(1);
      if (run.outcome.kind !== 'report') throw new Error(run.outcome.message);
      expect(run.outcome.advisories.map((a) => `${a.package} ${a.severity}`).sort()).toEqual([
        '@swc/core critical',
        'long high',
        'yaml moderate',
      ]);
    } finally {
      await endpoint.close();
    }
  });

  it('[C-55] an endpoint that refuses (405) is reported as not run, without a retry that cannot help', async () => {
    const endpoint = await startAdvisoryEndpoint({ status: 405 });
    try {
      const run = await runNpmAudit({ cwd: ROOT, registry: endpoint.registry, retryDelayMs: 0 });
      expect(run).toMatchObject({ attempts: 1, outcome: { kind: 'unavailable', statusCode: 405 } });
    } finally {
      await endpoint.close();
    }
  });

  it('[C-55] an endpoint that is down or failing (503) is retried once, then reported as not run', async () => {
    const endpoint = await startAdvisoryEndpoint({ status: 503 });
    try {
      const run = await runNpmAudit({ cwd: ROOT, registry: endpoint.registry, retryDelayMs: 0 });
      expect(run).toMatchObject({ attempts: 2, outcome: { kind: 'unavailable', statusCode: 503 } });
    } finally {
      await endpoint.close();
    }
  });
});
