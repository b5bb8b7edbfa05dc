import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdvisoryEndpoint, type AdvisoryEndpoint } from './fixtures/advisory-endpoint';
import { runSupplyChainCheck, SUPPLY_CHAIN_EXIT } from './supply-chain.check';

const ROOT = join(__dirname, '..', '..');
const synthetic = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'synthetic-bulk-advisories.json'), 'utf8'),
) as Record<string, unknown[]>;
const TODAY = new Date().toISOString().slice(0, 10);
const IN_30_DAYS = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

// The whole check on the repository's own lockfile, package.json and node_modules; npm audit asks a local endpoint.
describe('supply-chain check (C-55)', () => {
  let dir: string;
  let endpoint: AdvisoryEndpoint | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'raize-supply-'));
  });
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(opts: { advisories?: Record<string, unknown[]>; status?: number; entries?: unknown[] }) {
    endpoint = await startAdvisoryEndpoint(opts);
    const allowlistPath = join(dir, 'allowlist.json');
    writeFileSync(allowlistPath, JSON.stringify({ entries: opts.entries ?? [] }));
    const lines: string[] = [];
    const code = await runSupplyChainCheck({
      root: ROOT,
      sbomPath: join(dir, 'dist', 'sbom.cdx.json'),
      allowlistPath,
      today: TODAY,
      registry: endpoint.registry,
      retryDelayMs: 0,
      out: (l) => lines.push(l),
    });
    return { code, output: lines.join('\n') };
  }

  it('[C-55] fails on a critical and a high advisory that are not allowlisted, after writing a valid SBOM', async () => {
    const { code, output } = await run({ advisories: synthetic });
    expect(code).toBe(SUPPLY_CHAIN_EXIT.failed);
    expect(output).toContain('advisory_not_allowlisted: GHSA-2222-3333-4444 (@swc/core)');
    expect(output).toContain('advisory_not_allowlisted: GHSA-5555-6666-7777 (long)');
    expect(output).not.toContain('GHSA-8888-9999-cccc');
    const sbom = JSON.parse(readFileSync(join(dir, 'dist', 'sbom.cdx.json'), 'utf8')) as { components: unknown[] };
    expect(output).toContain(`sbom.cdx.json: ${sbom.components.length} components`);
  });

  it('passes when both advisories have a current, reviewed allowlist entry', async () => {
    const reviewed = {
      reason: 'Synthetic advisory of this spec, accepted to test the allowlist.',
      reviewer: 'spec',
      reviewBy: IN_30_DAYS,
    };
    const { code, output } = await run({
      advisories: synthetic,
      entries: [
        { advisory: 'GHSA-2222-3333-4444', package: '@swc/core', ...reviewed },
        { advisory: 'https://github.com/advisories/GHSA-5555-6666-7777', package: 'long', ...reviewed },
      ],
    });
    expect(output).toContain('2 high/critical advisories (2 allowlisted)');
    expect({ code, output }).toEqual({ code: SUPPLY_CHAIN_EXIT.passed, output });
  });

  it('[C-55] an advisory endpoint that cannot answer never passes: exit 3 with the reason', async () => {
    const { code, output } = await run({ status: 405 });
    expect(code).toBe(SUPPLY_CHAIN_EXIT.auditNotRun);
    expect(output).toContain('audit NOT RUN after 1 attempt(s)');
    expect(output).toContain('HTTP 405');
  });
});
