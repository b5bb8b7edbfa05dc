import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../core/util/repo-root';
import { buildSdl } from './build-sdl';

/** `emit` writes schema/schema.graphql; `check` exits 1 when the committed file differs from the code. */
async function main(): Promise<void> {
  const file = join(repoRoot(), 'schema', 'schema.graphql');
  const sdl = await buildSdl();
  if (process.argv[2] === 'check') {
    const committed = readFileSync(file, 'utf8');
    if (committed !== sdl) {
      console.error('schema/schema.graphql is out of date: run `npm run schema:emit` and commit it');
      process.exit(1);
    }
    console.log('schema/schema.graphql is current');
    return;
  }
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}

main().catch((err: Error) => {
  console.error(`schema: ${err.message}`);
  process.exit(1);
});
