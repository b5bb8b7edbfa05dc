import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../services/core/util/repo-root';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/**
 * The API serves services/web/dist: build it when it is missing or older than the app's sources or the
 * schema (the test script builds it first, so this is for running one e2e file on its own).
 */
export function ensureWebBuild(): void {
  const root = repoRoot();
  const web = join(root, 'services', 'web');
  const built = join(web, 'dist', 'index.html');
  const sources = [
    join(web, 'src'),
    join(web, 'index.html'),
    join(web, 'public'),
    join(web, 'vite.config.mts'),
    join(web, 'codegen.ts'),
    join(root, 'schema', 'schema.graphql'),
  ];
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  execFileSync('npm', ['run', '--silent', 'web:build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 180_000,
  });
}
