import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type { AnalyticsActivities } from '../../activities/analytics/analytics.activities';
import type {
  AccountCollectResult,
  AnalyticsPlan,
  PostsCollectInput,
  PostsCollectResult,
} from '../contracts/analytics.contract';
import { ANALYTICS_POST_BATCH } from '../contracts/analytics.contract';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';
import { accountAnalyticsWorkflow } from './analytics.workflow';

type Fake = {
  planAnalytics: () => Promise<AnalyticsPlan>;
  collectAccountMetrics: () => Promise<AccountCollectResult>;
  collectPostMetrics: (i: PostsCollectInput) => Promise<PostsCollectResult>;
};

const posts = (n: number) => Array.from({ length: n }, (_, i) => ({ publishJobId: `j${i}`, platformPostId: `p${i}` }));

// The local dev server (docs/adr/0005-workflow-specs-without-time-skipping.md), mocked activities.
describe('accountAnalyticsWorkflow (mocked activities, local dev server)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // another spec in this process installed it already
    }
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: toolPath('temporal') }, ip: '127.0.0.1' },
    });
    workflowBundle = {
      code: (
        await bundleWorkflowCode({
          workflowsPath: require.resolve('./analytics.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });
  afterAll(() => env?.teardown());

  async function run(fake: Fake, recordAs?: string) {
    const taskQueue = `spec-${randomUUID()}`;
    const activities: Record<keyof AnalyticsActivities, unknown> = fake;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
    const input = { agencyId: randomUUID(), clientId: randomUUID(), platformAccountId: randomUUID() };
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(accountAnalyticsWorkflow, {
        taskQueue,
        workflowId: `analytics-${randomUUID()}`,
        args: [input],
      });
      const result = await handle.result();
      if (recordAs) await recordReplayFixture(recordAs, handle);
      return result;
    });
  }
  /** A run whose history is recorded as the replay fixture `name` (docs/replay.md). */
  const recordedRun = (name: string, fake: Fake) => run(fake, name);

  it('reads the account, then its posts in batches, and adds up what each batch stored', async () => {
    const batches: number[] = [];
    const result = await recordedRun('analytics-collected', {
      planAnalytics: async () => ({ day: '2026-03-02', posts: posts(ANALYTICS_POST_BATCH * 2 + 5) }),
      collectAccountMetrics: async () => ({ account: 'stored' }),
      collectPostMetrics: async (i) => {
        batches.push(i.posts.length);
        expect(i.day).toBe('2026-03-02');
        return { stored: i.posts.length - 1, notGiven: 1, failed: 0 };
      },
    });
    expect(batches).toEqual([ANALYTICS_POST_BATCH, ANALYTICS_POST_BATCH, 5]);
    expect(result).toEqual({
      day: '2026-03-02',
      account: 'stored',
      posts: { stored: ANALYTICS_POST_BATCH * 2 + 2, notGiven: 3, failed: 0 },
    });
  });

  it('reads nothing for an account that is not live', async () => {
    let called = false;
    const result = await run({
      planAnalytics: async () => ({ day: '2026-03-02', skipped: 'account_not_live', posts: [] }),
      collectAccountMetrics: async () => {
        called = true;
        return { account: 'stored' };
      },
      collectPostMetrics: async () => {
        called = true;
        return { stored: 0, notGiven: 0, failed: 0 };
      },
    });
    expect(called).toBe(false);
    expect(result.skipped).toBe('account_not_live');
  });

  it('stops when the platform refused the token, without reading the posts', async () => {
    let postCalls = 0;
    const result = await recordedRun('analytics-token-refused', {
      planAnalytics: async () => ({ day: '2026-03-02', posts: posts(3) }),
      collectAccountMetrics: async () => ({ account: 'failed', stopped: 'token_refused' }),
      collectPostMetrics: async () => {
        postCalls++;
        return { stored: 0, notGiven: 0, failed: 0 };
      },
    });
    expect(postCalls).toBe(0);
    expect(result).toMatchObject({ stopped: 'token_refused', account: 'failed' });
  });

  it('waits out a rate limit as long as the activity says, then goes on', async () => {
    let calls = 0;
    const started = Date.now();
    const result = await recordedRun('analytics-rate-limited', {
      planAnalytics: async () => ({ day: '2026-03-02', posts: posts(2) }),
      collectAccountMetrics: async () => ({ account: 'not_given' }),
      collectPostMetrics: async (i) => {
        calls++;
        if (calls === 1)
          throw ApplicationFailure.create({
            type: FAILURE_TYPES.rateLimited,
            message: 'GET /x: rate limited',
            nextRetryDelay: '2 seconds',
          });
        return { stored: i.posts.length, notGiven: 0, failed: 0 };
      },
    });
    expect(calls).toBe(2);
    // The platform's wait, not the 30-second backoff of the retry policy.
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(result.posts.stored).toBe(2);
  });
});
