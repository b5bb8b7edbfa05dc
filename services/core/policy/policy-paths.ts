import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above `start` holding a package.json. Works from the TS
 * sources (services/core/policy) and from compiled output (dist/services/core/policy, dist/bench/...),
 * because dist/ has no package.json of its own. A folder that also has policies/ wins over a nested
 * package.json without it. When nothing is found above `start` (e.g. a file compiled to a temporary
 * folder), the search is repeated from the working directory.
 */
export function findRepoRoot(start: string = __dirname): string {
  const found = searchUp(start) ?? searchUp(process.cwd());
  if (found) return found;
  throw new Error(
    `cannot find the Raize repository root (a folder with package.json) above ${start} or ${process.cwd()}`,
  );
}

function searchUp(start: string): string | undefined {
  let firstWithPackageJson: string | undefined;
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      if (existsSync(join(dir, 'policies'))) return dir;
      firstWithPackageJson ??= dir;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return firstWithPackageJson;
}

/** policies/dist/policy.wasm, written by `npm run policies:build`. */
export function defaultPolicyWasmPath(root: string = findRepoRoot()): string {
  return join(root, 'policies', 'dist', 'policy.wasm');
}

/** The policy's Rego sources (what `opa run` / `opa build` load). */
export function policySourceDir(root: string = findRepoRoot()): string {
  return join(root, 'policies', 'raize');
}

/**
 * The OPA binary: $RAIZE_OPA_BIN, else $RAIZE_BIN_DIR/opa, else $HOME/.cache/raize/bin/opa, else `opa`
 * on PATH. Throws with instructions when none exists.
 */
export function resolveOpaBinary(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.RAIZE_OPA_BIN;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`RAIZE_OPA_BIN=${explicit} does not exist`);
    return explicit;
  }
  const candidates = [
    env.RAIZE_BIN_DIR && join(env.RAIZE_BIN_DIR, 'opa'),
    join(env.HOME || homedir(), '.cache', 'raize', 'bin', 'opa'),
  ];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'opa'))) return join(dir, 'opa');
  }
  throw new Error(
    'the opa binary was not found (looked at $RAIZE_OPA_BIN, $RAIZE_BIN_DIR/opa, ~/.cache/raize/bin/opa and PATH); ' +
      'build it once with: npm run tools (bash deploy/tools/build-tools.sh opa)',
  );
}
