import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { auditAllowlistSchema } from './audit-allowlist.schema';
import { decideAudit } from './audit-decision';
import { allowScriptsSchema, checkInstallScripts, type InstalledScripts } from './install-scripts.check';
import { checkLockfileSources, NPM_REGISTRY } from './lockfile-sources.check';
import { runNpmAudit } from './npm-audit.runner';
import { installedEntries, packageLockSchema, type PackageLock } from './package-lock.schema';
import { buildSbom } from './sbom.build';
import { compareSbomWithLockfile, sbomSchema } from './sbom.check';
import { describeProblem, type SupplyChainProblem } from './supply-chain-problem';

/** Exit codes of `check.js`; deploy/local/test.sh tells a failed control from an audit that could not run. */
export const SUPPLY_CHAIN_EXIT = { passed: 0, failed: 1, auditNotRun: 3 } as const;
export type SupplyChainExit = (typeof SUPPLY_CHAIN_EXIT)[keyof typeof SUPPLY_CHAIN_EXIT];

export interface SupplyChainCheckOptions {
  /** The repository root: package.json, package-lock.json, node_modules. */
  root: string;
  sbomPath: string;
  allowlistPath: string;
  /** YYYY-MM-DD (UTC) the allowlist's review-by dates are compared with. */
  today: string;
  /** Tests point npm audit at a local advisory endpoint. */
  registry?: string;
  retryDelayMs?: number;
  out: (line: string) => void;
}

class InputError extends Error {}

function readJson<T>(path: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`${what} (${path}) is not readable JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${what} (${path}): ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
const installedManifestSchema = z.looseObject({ scripts: z.record(z.string(), z.string()).optional() });

/** What node_modules holds, for comparing with the lockfile's hasInstallScript (optional packages may be absent). */
function scanInstalledScripts(root: string, lock: PackageLock): InstalledScripts[] {
  const found: InstalledScripts[] = [];
  for (const [key, entry] of installedEntries(lock)) {
    if (entry.link) continue;
    const manifest = join(root, key, 'package.json');
    if (!existsSync(manifest)) continue;
    const parsed = installedManifestSchema.safeParse(JSON.parse(readFileSync(manifest, 'utf8')));
    const scripts = parsed.success ? (parsed.data.scripts ?? {}) : {};
    const declared = INSTALL_SCRIPTS.some((s) => s in scripts);
    // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script of its own.
    const gyp = !('install' in scripts) && !('preinstall' in scripts) && existsSync(join(root, key, 'binding.gyp'));
    found.push({ key, hasInstallScript: declared || gyp });
  }
  return found;
}

/** C-55 in one run: lockfile sources, install scripts by name, the SBOM written and checked, npm audit. */
export async function runSupplyChainCheck(opts: SupplyChainCheckOptions): Promise<SupplyChainExit> {
  const { out } = opts;
  const problems: SupplyChainProblem[] = [];
  let lock: PackageLock;
  let allowScripts: Record<string, boolean>;
  let allowlist: z.infer<typeof auditAllowlistSchema>;
  try {
    lock = readJson(join(opts.root, 'package-lock.json'), packageLockSchema, 'package-lock.json');
    const manifest = readJson(
      join(opts.root, 'package.json'),
      z.looseObject({ allowScripts: allowScriptsSchema.optional() }),
      'package.json',
    );
    allowScripts = manifest.allowScripts ?? {};
    allowlist = readJson(opts.allowlistPath, auditAllowlistSchema, 'the audit allowlist');
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    out(`supply chain: ${err.message}`);
    return SUPPLY_CHAIN_EXIT.failed;
  }

  const sources = checkLockfileSources(lock);
  problems.push(...sources.problems);
  out(`supply chain: lockfile: ${sources.checked} packages checked against ${NPM_REGISTRY}, sha512 integrity`);

  const scripts = checkInstallScripts(lock, allowScripts, scanInstalledScripts(opts.root, lock));
  problems.push(...scripts.problems);
  out(
    `supply chain: install scripts: ${scripts.withScripts.length} packages have them (${scripts.withScripts.join(', ')}); ` +
      `allowScripts runs ${scripts.allowed.length}, skips ${scripts.denied.length}`,
  );

  const bom = buildSbom({
    lock,
    serialNumber: `urn:uuid:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    tool: { name: 'deploy/supply-chain/sbom.build', version: lock.version ?? '0.0.0' },
  });
  mkdirSync(dirname(opts.sbomPath), { recursive: true });
  writeFileSync(opts.sbomPath, `${JSON.stringify(bom, null, 2)}\n`);
  // Checked as written, read back from disk: the file is what a release ships.
  const sbom = sbomSchema.safeParse(JSON.parse(readFileSync(opts.sbomPath, 'utf8')));
  if (!sbom.success) {
    out(`supply chain: SBOM ${opts.sbomPath} is not valid CycloneDX 1.5: ${sbom.error.issues[0]?.message ?? ''}`);
    return SUPPLY_CHAIN_EXIT.failed;
  }
  const sbomResult = compareSbomWithLockfile(sbom.data, lock);
  problems.push(...sbomResult.problems);
  out(
    `supply chain: SBOM ${relative(opts.root, opts.sbomPath)}: ${sbomResult.components} components (${sbomResult.production} production), ` +
      `CycloneDX ${sbom.data.specVersion}`,
  );

  const audit = await runNpmAudit({ cwd: opts.root, registry: opts.registry, retryDelayMs: opts.retryDelayMs });
  let auditRan = false;
  if (audit.outcome.kind === 'report') {
    auditRan = true;
    const decision = decideAudit(audit.outcome.advisories, allowlist.entries, opts.today);
    problems.push(...decision.problems);
    out(
      `supply chain: audit: ${audit.outcome.dependencies} dependencies, ` +
        `${decision.blocking.length + decision.allowlisted.length} high/critical advisories ` +
        `(${decision.allowlisted.length} allowlisted), ${decision.lower.length} lower; ` +
        `allowlist ${allowlist.entries.length} entries`,
    );
  } else {
    const status = audit.outcome.statusCode ? ` (HTTP ${audit.outcome.statusCode})` : '';
    out(
      `supply chain: audit NOT RUN after ${audit.attempts} attempt(s): the registry's advisory endpoint failed${status}: ` +
        `${audit.outcome.message}`,
    );
  }

  if (problems.length > 0) {
    out(`supply chain: FAILED, ${problems.length} problem(s):`);
    for (const p of problems) out(`  - ${describeProblem(p)}`);
    return SUPPLY_CHAIN_EXIT.failed;
  }
  if (!auditRan) {
    out('supply chain: lockfile, install scripts and SBOM passed; the audit (C-55) is unproven until it runs');
    return SUPPLY_CHAIN_EXIT.auditNotRun;
  }
  out('supply chain: passed');
  return SUPPLY_CHAIN_EXIT.passed;
}
