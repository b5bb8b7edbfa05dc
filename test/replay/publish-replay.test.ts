import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { testEnv } from '../harness/test-env';

const FIXTURE = join(__dirname, 'histories', 'publish-approved-verified.json');

function loadHistory() {
  return historyFromJSON(JSON.parse(readFileSync(FIXTURE, 'utf8')));
}

describe('replaying recorded publishing histories against the current workflow code', () => {
  it('replays a completed approved-and-verified publish without non-determinism', async () => {
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testEnv().bundlePath } }, loadHistory(), 'fixture-publish')).resolves.toBeUndefined();
  });

  it('bites: a history whose recorded commands differ from the code fails the replay', async () => {
    const history = loadHistory();
    // Swap the first scheduled activity for another type, as if the workflow had changed its first step.
    const scheduled = history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'somethingElse' };
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testEnv().bundlePath } }, history, 'fixture-corrupt')).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
