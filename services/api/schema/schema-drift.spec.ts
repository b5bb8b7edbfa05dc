import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../core/util/repo-root';
import { buildSdl } from './build-sdl';

describe('schema/schema.graphql', () => {
  it('matches the code-first resolvers (run npm run schema:emit after changing them)', async () => {
    const committed = readFileSync(join(repoRoot(), 'schema', 'schema.graphql'), 'utf8');
    expect(await buildSdl()).toBe(committed);
  });
});
