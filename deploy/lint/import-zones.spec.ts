import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../services/core/util/repo-root';

// Each case is a small file placed at a repo path and linted with the real eslint.config.mjs, so removing
// or loosening a zone there makes its cases fail. Zones need no type information: one process lints all.

interface LintCase {
  name: string;
  path: string;
  code: string;
  /** a fragment of the zone's message, or null when the import is allowed */
  error: string | null;
  /** how many imports the case makes that must each be reported (default: at least one) */
  count?: number;
}

const C17 = '[C-17] a connector writer';
const WORKFLOW = 'workflow code imports only';
const API = 'the API never imports activities/';
const CORE = 'services/core is the platform layer';
const TEST = 'nothing outside test/ imports test/';
const PLATFORM = 'a platform folder is reached only through the registries';

const cases: LintCase[] = [
  {
    name: '[C-17] the API importing a connector writer is an error',
    path: 'services/api/modules/posts/posts.service.ts',
    code: `import { SandboxWriter } from '../../../core/connectors/sandbox/sandbox.writer';\nexport const w = SandboxWriter;\n`,
    error: C17,
  },
  {
    name: '[C-17] the API importing only a writer type is still an error',
    path: 'services/api/modules/posts/posts.service.ts',
    code: `import type { SandboxWriter } from '../../../core/connectors/sandbox/sandbox.writer';\nexport type W = SandboxWriter;\n`,
    error: C17,
  },
  {
    name: '[C-17] the gateway importing the writer registry is an error',
    path: 'services/gateway/tools/publish.tool.ts',
    code: `import { writerRegistry } from '../../core/connectors/writer-registry';\nexport const r = writerRegistry;\n`,
    error: C17,
  },
  {
    name: '[C-17] the browser runner reaching a writer through import() is an error',
    path: 'services/browser/runner.ts',
    code: `export const load = () => import('../core/connectors/sandbox/sandbox.writer');\n`,
    error: C17,
  },
  {
    name: '[C-17] the worker re-exporting a writer is an error',
    path: 'services/worker/worker-deps.ts',
    code: `export { SandboxWriter } from '../core/connectors/sandbox/sandbox.writer';\n`,
    error: C17,
  },
  {
    name: '[C-17] the guard may import a connector writer',
    path: 'activities/guard/effects/publish-post.effect.ts',
    code: `import { SandboxWriter } from '../../../services/core/connectors/sandbox/sandbox.writer';\nexport const w = SandboxWriter;\n`,
    error: null,
  },
  {
    name: '[C-17] the connector package may import its own writers',
    path: 'services/core/connectors/writer-registry.ts',
    code: `import { SandboxWriter } from './sandbox/sandbox.writer';\nexport const w = SandboxWriter;\n`,
    error: null,
  },
  {
    name: 'a workflow importing node:fs is an error',
    path: 'workflows/publish/publish.workflow.ts',
    code: `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n`,
    error: WORKFLOW,
  },
  {
    name: 'a workflow importing a built-in without the node: prefix is an error',
    path: 'workflows/publish/publish.state.ts',
    code: `import { createHash } from 'crypto';\nexport const h = createHash;\n`,
    error: WORKFLOW,
  },
  {
    name: 'a workflow contract importing another package is an error',
    path: 'workflows/contracts/publish.contract.ts',
    code: `import { Worker } from '@temporalio/worker';\nexport const w = Worker;\n`,
    error: WORKFLOW,
  },
  {
    name: 'a workflow importing activity code (not only its types) is an error',
    path: 'workflows/publish/publish.workflow.ts',
    code: `import { createPublishActivities } from '../../activities/publish/publish.activities';\nexport const a = createPublishActivities;\n`,
    error: WORKFLOW,
  },
  {
    name: 'a workflow may import @temporalio/workflow, its contracts and activity types',
    path: 'workflows/publish/publish.workflow.ts',
    code: [
      `import { proxyActivities } from '@temporalio/workflow';`,
      `import type { SearchAttributeType } from '@temporalio/common';`,
      `import { PUBLISH_STATUS } from '../contracts/vocabulary/publish-status';`,
      `import type { PublishActivities } from '../../activities/publish/publish.activities';`,
      `export const x: [typeof proxyActivities, SearchAttributeType?, typeof PUBLISH_STATUS, PublishActivities?] = [proxyActivities, undefined, PUBLISH_STATUS, undefined];`,
    ].join('\n'),
    error: null,
  },
  {
    name: 'a workflow spec runs in Node and may use built-ins and the worker',
    path: 'workflows/publish/publish.workflow.spec.ts',
    code: `import { readFileSync } from 'node:fs';\nimport { Worker } from '@temporalio/worker';\nexport const x = [readFileSync, Worker];\n`,
    error: null,
  },
  {
    name: 'the API importing an activity is an error',
    path: 'services/api/modules/posts/posts.resolver.ts',
    code: `import { createPublishActivities } from '../../../../activities/publish/publish.activities';\nexport const a = createPublishActivities;\n`,
    error: API,
  },
  {
    name: 'activities importing the API is an error',
    path: 'activities/publish/publish.activities.ts',
    code: `import { PostsService } from '../../services/api/modules/posts/posts.service';\nexport const p = PostsService;\n`,
    error: 'activities never import the API',
  },
  {
    name: 'the platform layer importing a feature (api, sandbox, activities) is an error',
    path: 'services/core/connectors/sandbox/sandbox.reader.ts',
    code: [
      `import { createApi } from '../../../api/create-api';`,
      `import { startSandbox } from '../../../sandbox/sandbox.server';`,
      `import { guard } from '../../../../activities/guard/guard.deps';`,
      `export const x = [createApi, startSandbox, guard];`,
    ].join('\n'),
    error: CORE,
    count: 3,
  },
  {
    name: 'the platform layer may import workflow contracts and migrations',
    path: 'services/core/database/migrate.ts',
    code: `import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';\nimport { migrations } from '../../../schema/migrations';\nexport const x = [PLATFORM_IDS, migrations];\n`,
    error: null,
  },
  {
    name: 'the API importing a platform folder directly (not through the registry) is an error',
    path: 'services/api/modules/accounts/accounts.service.ts',
    code: `import { sandboxOAuth } from '../../../core/connectors/sandbox/sandbox-oauth';\nexport const o = sandboxOAuth;\n`,
    error: PLATFORM,
  },
  {
    name: 'the API asking the platform registry is allowed',
    path: 'services/api/modules/accounts/accounts.service.ts',
    code: `import { platformDescriptor } from '../../../core/connectors/platform-registry';\nexport const d = platformDescriptor;\n`,
    error: null,
  },
  {
    name: 'a connector spec may drive the sandbox platform as its fixture',
    path: 'services/core/connectors/sandbox/sandbox.platform.spec.ts',
    code: `import { startSandbox } from '../../../sandbox/sandbox.server';\nexport const s = startSandbox;\n`,
    error: null,
  },
  {
    name: 'production code importing test/ is an error',
    path: 'services/worker/main.ts',
    code: `import { seedTenant } from '../../test/factories/tenant.factory';\nexport const s = seedTenant;\n`,
    error: TEST,
  },
  {
    name: 'tests may import test/',
    path: 'test/integration/publish-episode.test.ts',
    code: `import { seedTenant } from '../factories/tenant.factory';\nexport const s = seedTenant;\n`,
    error: null,
  },
];

type Message = { ruleId: string | null; message: string };

describe('import zones (eslint.config.mjs)', () => {
  let results: Message[][];

  beforeAll(() => {
    const root = repoRoot();
    const out = execFileSync(process.execPath, [join(root, 'deploy/lint/lint-text.mjs')], {
      cwd: root,
      input: JSON.stringify(cases.map(({ path, code }) => ({ path, code }))),
      encoding: 'utf8',
    });
    results = JSON.parse(out) as Message[][];
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i];
    // A parse error would hide every zone: each case must parse.
    expect(results[i].filter((m) => m.ruleId === null)).toEqual([]);
    const zoneErrors = results[i].filter((m) => m.ruleId === 'raize/import-zones').map((m) => m.message);
    if (c.error === null) expect(zoneErrors).toEqual([]);
    else {
      if (c.count === undefined) expect(zoneErrors.length).toBeGreaterThan(0);
      else expect(zoneErrors).toHaveLength(c.count);
      for (const e of zoneErrors) expect(e).toContain(c.error);
    }
  });
});
