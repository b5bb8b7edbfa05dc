import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../util/repo-root';

const root = repoRoot();
const SCANNED = ['services', 'activities', 'workflows', 'deploy', 'bench', 'test'];
// Files allowed to reach a connector's write side: the guard, and the connector package that defines it.
const ALLOWED = [/^activities\/guard\//, /^services\/core\/connectors\//, /^services\/worker\/worker-deps\.ts$/];

function* tsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) yield p;
  }
}

/** Import specifiers of a TypeScript file, static and dynamic. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const isWriteSide = (spec: string) => /(\.writer|connector-writers)$/.test(spec);

describe('architecture', () => {
  it('[C-17] no module other than the guard can reach a connector write method', () => {
    const offenders: string[] = [];
    for (const dir of SCANNED) {
      for (const file of tsFiles(join(root, dir))) {
        const rel = relative(root, file);
        if (ALLOWED.some((a) => a.test(rel))) continue;
        const bad = importsOf(readFileSync(file, 'utf8')).filter(isWriteSide);
        if (bad.length) offenders.push(`${rel} imports ${bad.join(', ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('[C-17] the check itself bites: a file importing a writer is reported', () => {
    expect(importsOf(`import { SandboxWriter } from '../core/connectors/sandbox/sandbox.writer';`).filter(isWriteSide)).toEqual(['../core/connectors/sandbox/sandbox.writer']);
    expect(importsOf(`const w = await import('../../services/core/connectors/connector-writers');`).filter(isWriteSide)).toHaveLength(1);
  });

  it('keeps workflows free of Node built-ins and of anything but their contracts and @temporalio/workflow', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(root, 'workflows'))) {
      const src = readFileSync(file, 'utf8');
      for (const spec of importsOf(src)) {
        const typeOnly = new RegExp(`import type [^;]*['"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`).test(src);
        const ok = spec === '@temporalio/workflow' || spec === '@temporalio/common' || spec.startsWith('.') && (!spec.includes('activities/') || typeOnly);
        if (!ok || spec.startsWith('node:')) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the API away from activities and tests', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(root, 'services', 'api'))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) if (/activities\/|\/test\//.test(spec)) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});
