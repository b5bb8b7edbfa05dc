import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type { ReportActivities } from '../../activities/report/report.activities';
import type { ReportInput, ReportRef } from '../contracts/report.contract';
import { reportWorkflow } from './report.workflow';

// The local dev server (docs/adr/0005-workflow-specs-without-time-skipping.md), mocked activities.
describe('reportWorkflow (mocked activities, local dev server)', () => {
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
          workflowsPath: require.resolve('./report.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });
  afterAll(() => env?.teardown());

  type Calls = { name: string; input: unknown }[];

  function activities(
    calls: Calls,
    over: Partial<Record<keyof ReportActivities, (i: never) => Promise<unknown>>> = {},
  ) {
    const record =
      <T>(name: string, answer: T) =>
      async (input: unknown) => {
        calls.push({ name, input });
        return answer;
      };
    return {
      openReport: record('openReport', { reportId: 'r-1', status: 'generating' }),
      generateReport: record('generateReport', { status: 'ready', size: 1234 }),
      markReportFailed: record('markReportFailed', undefined),
      emailReport: record('emailReport', { sent: true, recipients: 2 }),
      ...over,
    };
  }

  /** `recordAs`: the replay fixture this run's history is recorded as (docs/replay.md). */
  async function run(input: Partial<ReportInput>, acts: object, recordAs?: string) {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: acts,
    });
    const workflowId = `report-spec-${randomUUID()}`;
    const full: ReportInput = { agencyId: 'a-1', clientId: 'c-1', trigger: 'schedule', deliver: true, ...input };
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(reportWorkflow, { taskQueue, workflowId, args: [full] });
      const result = await handle.result();
      if (recordAs) await recordReplayFixture(recordAs, handle);
      return result;
    });
    return { result, workflowId };
  }

  it('opens, prints and mails a scheduled report, each activity given ids only', async () => {
    const calls: Calls = [];
    const { result, workflowId } = await run({}, activities(calls), 'report-mailed');
    expect(calls.map((c) => c.name)).toEqual(['openReport', 'generateReport', 'emailReport']);
    expect(calls[0].input).toMatchObject({ agencyId: 'a-1', clientId: 'c-1', trigger: 'schedule', workflowId });
    const ref = calls[1].input as ReportRef;
    expect(ref).toEqual({ agencyId: 'a-1', clientId: 'c-1', reportId: 'r-1', actor: `workflow:${workflowId}` });
    expect(result).toEqual({ reportId: 'r-1', status: 'ready', delivery: { sent: true, recipients: 2 } });
  });

  it('does not mail an operator’s report unless asked to', async () => {
    const calls: Calls = [];
    const { result } = await run({ reportId: 'r-1', trigger: 'operator', deliver: false }, activities(calls));
    expect(calls.map((c) => c.name)).toEqual(['openReport', 'generateReport']);
    expect(result.delivery).toBeNull();
  });

  it('marks the report failed, in the renderer’s words, when printing keeps failing', async () => {
    const calls: Calls = [];
    const acts = activities(calls, {
      generateReport: async () => {
        throw ApplicationFailure.create({
          type: 'ReportRenderError',
          message: 'cannot start Chromium',
          nonRetryable: true,
        });
      },
    });
    const { result } = await run({}, acts, 'report-render-failed');
    expect(result).toEqual({ reportId: 'r-1', status: 'failed', delivery: null });
    expect(calls.find((c) => c.name === 'markReportFailed')?.input).toMatchObject({ reason: 'cannot start Chromium' });
    expect(calls.map((c) => c.name)).not.toContain('emailReport');
  });

  it('keeps a made report ready when its mail fails for good', async () => {
    const calls: Calls = [];
    const acts = activities(calls, {
      emailReport: async () => {
        throw ApplicationFailure.create({ type: 'MailError', message: 'connection refused', nonRetryable: true });
      },
    });
    const { result } = await run({}, acts, 'report-mail-failed');
    expect(result).toEqual({ reportId: 'r-1', status: 'ready', delivery: { sent: false, reason: 'mail_failed' } });
  });
});
