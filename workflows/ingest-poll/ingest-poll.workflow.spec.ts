import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type { IngestPollInput, IngestPollResult } from '../contracts/ingest-poll.contract';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';
import { ingestPollWorkflow } from './ingest-poll.workflow';

// The local dev server (docs/adr/0005-workflow-specs-without-time-skipping.md), mocked activity.
describe('ingestPollWorkflow (mocked activity, local dev server)', () => {
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
          workflowsPath: require.resolve('./ingest-poll.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });
  afterAll(() => env?.teardown());

  /** `recordAs`: the replay fixture this run's history is recorded as (docs/replay.md). */
  async function run(pollAccountComments: (i: IngestPollInput) => Promise<IngestPollResult>, recordAs?: string) {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: { pollAccountComments },
    });
    const input = { agencyId: randomUUID(), clientId: randomUUID(), platformAccountId: randomUUID() };
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(ingestPollWorkflow, {
        taskQueue,
        workflowId: `poll-${randomUUID()}`,
        args: [input],
      });
      try {
        return await handle.result();
      } finally {
        if (recordAs) await recordReplayFixture(recordAs, handle);
      }
    });
    return { input, result };
  }

  it('polls the account of its input once and returns what the activity stored', async () => {
    const seen: IngestPollInput[] = [];
    const { input, result } = await run(async (i) => {
      seen.push(i);
      return { seen: 3, stored: 2 };
    }, 'ingest-poll-stored');
    expect(seen).toEqual([input]);
    expect(result).toEqual({ seen: 3, stored: 2 });
  });

  it('retries a failed poll (reading and storing is idempotent)', async () => {
    let calls = 0;
    const { result } = await run(async () => {
      calls++;
      if (calls === 1) throw new Error('platform hiccup');
      return { seen: 1, stored: 1 };
    }, 'ingest-poll-retried');
    expect(calls).toBe(2);
    expect(result).toEqual({ seen: 1, stored: 1 });
  });

  it('a poll the platform refuses for good fails the run; the next tick of its Schedule starts again', async () => {
    let calls = 0;
    const failed = await run(async () => {
      calls++;
      throw ApplicationFailure.create({ type: FAILURE_TYPES.authError, message: 'token refused', nonRetryable: true });
    }, 'ingest-poll-refused').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkflowFailedError);
    expect(calls).toBe(1);
  });
});
