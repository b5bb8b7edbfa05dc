import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryDivergenceError, replayHistory } from '../../deploy/local/replay/replay-history';
import { patchesIn, workflowTypeOf } from '../../deploy/local/replay/history-events';
import { bundleWorkflows } from '../../services/worker/workflow-bundle';
import * as productionWorkflows from '../../workflows';
import { testEnv } from '../harness/test-env';
import { fixtureFile, HISTORIES_DIR, loadFixture, loadManifest } from './replay-manifest';

// Every recorded history of test/replay/histories/manifest.json against the bundle the lane workers run
// (docs/replay.md). `deploy/local/test.sh` runs this file as its `replay` step and counts the `replays` cases.

const manifest = loadManifest();
const current = () => ({ workflowBundle: { codePath: testEnv().bundlePath } });

describe('replaying the recorded histories of every workflow kind against the current bundle', () => {
  it.each(manifest.map((f) => [f.name, f.workflowType, f.path] as const))('replays %s (%s, %s path)', async (name) => {
    await expect(replayHistory(current(), loadFixture(name), { label: `fixture ${name}` })).resolves.toBeUndefined();
  });

  it('every workflow type of the production bundle has a happy and an unhappy recorded history', () => {
    const missing = Object.keys(productionWorkflows).flatMap((type) =>
      (['happy', 'unhappy'] as const)
        .filter((path) => !manifest.some((f) => f.workflowType === type && f.path === path))
        .map((path) => `${type}: no ${path}-path fixture (record one from its spec, docs/replay.md)`),
    );
    expect(missing).toEqual([]);
  });

  it('the manifest and the histories agree: every file listed, each of its type and its patches', () => {
    const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json') && f !== 'manifest.json');
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(manifest.map((f) => f.name).sort());
    for (const f of manifest) {
      expect(existsSync(fixtureFile(f.name))).toBe(true);
      const history = loadFixture(f.name);
      expect({ name: f.name, workflowType: workflowTypeOf(history), patches: patchesIn(history) }).toEqual({
        name: f.name,
        workflowType: f.workflowType,
        patches: [...f.recorded.patches].sort(),
      });
    }
  });

  it('the histories hold no secrets: recorded with mock activities, plain payloads without the codec', () => {
    const leaks: string[] = [];
    for (const f of manifest) {
      const json = readFileSync(fixtureFile(f.name), 'utf8');
      const decoded = [json, ...payloadTexts(JSON.parse(json))].join('\n');
      for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(decoded)) leaks.push(`${f.name}: ${what}`);
      // A codec-encrypted fixture could not be replayed without the recording data dir's keys.
      if (json.includes(Buffer.from('binary/encrypted').toString('base64')))
        leaks.push(`${f.name}: encrypted payloads`);
    }
    expect(leaks).toEqual([]);
  });

  it('bites: a changed command fails with the fixture, the workflow type and the event named', async () => {
    const history = loadFixture('publish-decision-approved-verified');
    // The last activity the episode scheduled, as if the code now scheduled another one there.
    const scheduled = history.events!.filter((e) => e.activityTaskScheduledEventAttributes).at(-1)!;
    scheduled.activityTaskScheduledEventAttributes!.activityType = { name: 'somethingElse' };
    const err = await replayHistory(current(), history, { label: 'fixture publish-decision-approved-verified' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HistoryDivergenceError);
    const divergence = err as HistoryDivergenceError;
    expect(divergence.event).toEqual({
      id: Number(scheduled.eventId),
      type: 'ActivityTaskScheduled',
      description: `event ${String(scheduled.eventId)} ActivityTaskScheduled (activity somethingElse)`,
    });
    expect(divergence.message).toContain('fixture publish-decision-approved-verified');
    expect(divergence.message).toContain('workflow type publishPostWorkflow');
    expect(divergence.message).toContain(`event ${String(scheduled.eventId)} ActivityTaskScheduled`);
  });

  it('bites: a history of patched code on the code before the patch names where they part', async () => {
    const code = await bundleWorkflows(join(__dirname, 'pre-patch', 'publish.workflow.ts'));
    const err = await replayHistory({ workflowBundle: { code } }, loadFixture('publish-decision-approved-verified'), {
      label: 'fixture publish-decision-approved-verified',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryDivergenceError);
    expect((err as HistoryDivergenceError).workflowType).toBe('publishPostWorkflow');
    expect((err as HistoryDivergenceError).event?.id).toBeGreaterThan(0);
    expect((err as HistoryDivergenceError).message).toMatch(/diverges at event \d+ \w+/);
  });
});

/** What would be a secret or PII if a recording had used real activities or the real codec. */
const SECRET_PATTERNS: [string, RegExp][] = [
  ['an email address', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/],
  ['an OAuth token field', /"(access|refresh|id)_?token"\s*:/i],
  ['a sandbox token', /sbx_(at|rt)_/],
  ['a bearer credential', /\bbearer\s+[A-Za-z0-9._-]{8,}/i],
  ['a password or client secret', /"(password|client_?secret|totp)"\s*:/i],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
];

/** Every payload's data and every failure message of a proto-JSON history, decoded. */
function payloadTexts(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => payloadTexts(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'data' && typeof x === 'string') out.push(Buffer.from(x, 'base64').toString('utf8'));
      else payloadTexts(x, out);
    }
  }
  return out;
}
