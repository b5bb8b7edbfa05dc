import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Where a Go-built tool is, in the order deploy/tools/build-tools.sh honours: an explicit variable, the
 * cache, then PATH. The message says how to get it, because a missing tool is the first thing a
 * newcomer hits.
 */
export function toolPath(name: 'temporal' | 'opa' | 'jaeger', env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[`RAIZE_${name.toUpperCase()}_BIN`];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`RAIZE_${name.toUpperCase()}_BIN=${explicit} does not exist`);
    return explicit;
  }
  const cache = join(env.RAIZE_BIN_DIR ?? join(homedir(), '.cache', 'raize', 'bin'), name);
  if (existsSync(cache)) return cache;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const script = name === 'jaeger' ? 'build-jaeger.sh' : 'build-tools.sh';
  throw new Error(`the ${name} binary was not found; build it once with: bash deploy/tools/${script}`);
}
