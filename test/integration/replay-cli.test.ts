import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPLAY_EXIT, runReplayCommand } from '../../deploy/local/replay/replay-workflow.command';
import { connectSandboxAccount } from '../factories/connect-account';
import { createAsset, schedulePost, waitForPost } from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { tempDataDir, testEnv } from '../harness/test-env';

// `npm run replay -- <workflowId>` runs runReplayCommand with the process's argv and environment; these tests run
// the same function against the harness's real Temporal server, fetching through the real Temporal CLI.

interface Run {
  code: number;
  out: string;
  err: string;
}

describe('npm run replay: a real episode fetched with the Temporal CLI and replayed with the codec', () => {
  let stack: TestStack;
  let workflowId: string;

  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    const t = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, `Replay caption ${Date.now()}`);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    const done = await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'verified' && !p.workflowStatus);
    workflowId = done.workflowId;
  });
  afterAll(() => stack?.close());

  /** The command with the environment of a process of this stack: its Temporal server and its codec keys. */
  async function replay(argv: string[], env: Record<string, string> = {}, workflowsEntry?: string): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runReplayCommand(
      argv,
      {
        ...process.env,
        RAIZE_ENV: 'test',
        TEMPORAL_ADDRESS: testEnv().temporalAddress,
        TEMPORAL_NAMESPACE: testEnv().namespace,
        RAIZE_DATA_DIR: stack.dataDir,
        ...env,
      },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      { workflowsEntry },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('replays the episode on the code of this checkout: exit 0, the history saved still encrypted', async () => {
    const saved = join(mkdtempSync(join(tmpdir(), 'raize-replay-')), 'history.json');
    const run = await replay([workflowId, '--save', saved]);
    expect(run).toMatchObject({ code: REPLAY_EXIT.same, err: '' });
    expect(run.out).toMatch(new RegExp(`fetched \\d+ events of publishPostWorkflow ${workflowId} from `));
    expect(run.out).toContain('replay OK');
    const json = readFileSync(saved, 'utf8');
    expect(json).toContain(Buffer.from('binary/encrypted').toString('base64'));
  });

  it('names the workflow and the event where code from before the patches diverges: exit 1', async () => {
    const prePatch = join(__dirname, '..', 'replay', 'pre-patch', 'publish.workflow.ts');
    const run = await replay([workflowId], {}, prePatch);
    expect(run.code).toBe(REPLAY_EXIT.diverged);
    expect(run.err).toContain(`replay FAILED: workflow ${workflowId} (workflow type publishPostWorkflow)`);
    expect(run.err).toMatch(/diverges at event \d+ [A-Z]\w+/);
  });

  it('reads the payloads with the codec keys of its environment: another data dir cannot replay it (exit 1)', async () => {
    const run = await replay([workflowId], { RAIZE_DATA_DIR: tempDataDir() });
    expect(run.code).toBe(REPLAY_EXIT.diverged);
    expect(run.err).toMatch(/^replay FAILED: /);
    expect(run.err).not.toContain('diverges at');
  });

  it('exit 2 for a workflow the server does not have, or a run id it does not know', async () => {
    const missing = await replay([`no-such-workflow-${Date.now()}`]);
    expect(missing.code).toBe(REPLAY_EXIT.usage);
    expect(missing.err).toMatch(/temporal workflow show failed for no-such-workflow-/);
    const wrongRun = await replay([workflowId, '--run', '00000000-0000-4000-8000-000000000000']);
    expect(wrongRun.code).toBe(REPLAY_EXIT.usage);
  });

  it('exit 2 for bad usage, with the usage', async () => {
    for (const argv of [[], ['a', 'b'], [workflowId, '--run'], [workflowId, '--follow', 'x']]) {
      const run = await replay(argv);
      expect({ argv, code: run.code }).toEqual({ argv, code: REPLAY_EXIT.usage });
      expect(run.err).toContain('usage: npm run replay -- <workflowId>');
    }
  });
});
