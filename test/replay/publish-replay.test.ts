import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflows } from '../../services/worker/workflow-bundle';
import { testEnv } from '../harness/test-env';

/**
 * Recorded histories, each of the workflow code of its time; the current code must replay them all.
 * - publish-approved-verified: before the patches (approve signal, a status activity for `publishing`).
 * - publish-update-approved-verified: after them (approve update, the guard records `publishing`), before
 *   `decision-references` (the update named its approver).
 * - publish-decision-approved-verified: after `decision-references` (the update carries a decision reference the
 *   recordApprovalDecision activity verifies); recorded by
 *   `RAIZE_RECORD_FIXTURES=1 npx jest workflows/publish/publish.workflow.spec.ts --selectProjects unit`.
 */
const FIXTURES = [
  'publish-approved-verified',
  'publish-update-approved-verified',
  'publish-decision-approved-verified',
].filter((f) => existsSync(fixture(f)));

function fixture(name: string): string {
  return join(__dirname, 'histories', `${name}.json`);
}

function loadHistory(name: string) {
  return historyFromJSON(JSON.parse(readFileSync(fixture(name), 'utf8')));
}

describe('replaying recorded publishing histories against the current workflow code', () => {
  it.each(FIXTURES)('replays %s without non-determinism', async (name) => {
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: testEnv().bundlePath } },
        loadHistory(name),
        `fixture-${name}`,
      ),
    ).resolves.toBeUndefined();
  });

  it('bites: a history whose recorded commands differ from the code fails the replay', async () => {
    const history = loadHistory('publish-approved-verified');
    // Swap the first scheduled activity for another type, as if the workflow had changed its first step.
    const scheduled = history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'somethingElse' };
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: testEnv().bundlePath } }, history, 'fixture-corrupt'),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });

  it('the patches were needed: the post-patch history does not replay on the pre-patch code', async () => {
    if (!FIXTURES.includes('publish-update-approved-verified')) return;
    const code = await bundleWorkflows(join(__dirname, 'pre-patch', 'publish.workflow.ts'));
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { code } },
        loadHistory('publish-update-approved-verified'),
        'fixture-new-on-old',
      ),
    ).rejects.toThrow();
  });
});
