import type { Context } from '@temporalio/activity';
import type { ActivityExecuteInput } from '@temporalio/worker';
import type { ParkedActivity } from './crash-point';
import { crashPointInterceptors, parseCrashPoints } from './crash-point';

type Info = Context['info'];

const info = (activityType: string, workflowId: string, activityId: string, attempt = 1) =>
  ({ activityType, activityId, attempt, workflowExecution: { workflowId, runId: 'r' } }) as unknown as Info;

/** One worker life's interceptor with a recorded kill and reports instead of a SIGKILL. */
function life(env: Record<string, string>) {
  const kills: number[] = [];
  const parked: ParkedActivity[] = [];
  const [factory] = crashPointInterceptors(
    { RAIZE_ENV: 'test', ...env },
    { kill: () => kills.push(Date.now()), report: (p) => parked.push(p) },
  );
  /** runs one activity through the interceptor; 'parked' when it never settles */
  const run = async (i: Info, body: () => Promise<unknown> = () => Promise.resolve('done')) => {
    const inbound = factory({ info: i } as Context).inbound!;
    let ran = false;
    const result = inbound.execute!({ args: [], headers: {} } as ActivityExecuteInput, () => {
      ran = true;
      return body();
    });
    const outcome = await Promise.race([
      result.then(
        (v) => ({ settled: 'ok', value: v }),
        (e: Error) => ({ settled: 'error', value: e.message }),
      ),
      new Promise((r) => setTimeout(() => r({ settled: 'parked' }), 20)),
    ]);
    return { ran, ...(outcome as { settled: string; value?: unknown }) };
  };
  return { run, kills, parked };
}

describe('crash points (test-only worker hook for the crash matrix, C-53)', () => {
  it('[C-53] is refused outside test and development, and absent without RAIZE_CRASH_AT', () => {
    for (const RAIZE_ENV of ['production', '', 'staging'])
      expect(() => crashPointInterceptors({ RAIZE_ENV, RAIZE_CRASH_AT: 'guardedPublish:after' })).toThrow(
        /RAIZE_CRASH_AT: crash points are a test tool, refused when RAIZE_ENV is production/,
      );
    expect(() => crashPointInterceptors({ RAIZE_CRASH_AT: 'guardedPublish:after' })).toThrow(/refused/);
    expect(crashPointInterceptors({ RAIZE_ENV: 'production' })).toEqual([]);
    for (const RAIZE_ENV of ['test', 'development'])
      expect(crashPointInterceptors({ RAIZE_ENV, RAIZE_CRASH_AT: 'guardedPublish:after' })).toHaveLength(1);
  });

  it('reads the short form and JSON, and refuses a bad value whole', () => {
    expect(parseCrashPoints('guardedPublish:after,recordInbound:before:2')).toEqual([
      { activity: 'guardedPublish', phase: 'after', nth: 1 },
      { activity: 'recordInbound', phase: 'before', nth: 2 },
    ]);
    expect(
      parseCrashPoints('[{"activity":"draftReply","phase":"before","workflowId":"wf-1","nth":1,"attempt":2}]'),
    ).toEqual([{ activity: 'draftReply', phase: 'before', workflowId: 'wf-1', nth: 1, attempt: 2 }]);
    expect(() => parseCrashPoints('guardedPublish:during')).toThrow(/RAIZE_CRASH_AT: 0\.phase/);
    expect(() => parseCrashPoints('[{"activity":"x","phase":"after","extra":1}]')).toThrow(/RAIZE_CRASH_AT/);
    expect(() => parseCrashPoints('[oops')).toThrow('RAIZE_CRASH_AT: not valid JSON');
    expect(() =>
      crashPointInterceptors({ RAIZE_ENV: 'test', RAIZE_CRASH_AT: 'a:after', RAIZE_CRASH_WAIT_MS: 'x' }),
    ).toThrow(/RAIZE_CRASH_WAIT_MS/);
  });

  it('parks before: the activity never runs, and the kill comes once every point has parked', async () => {
    const l = life({ RAIZE_CRASH_AT: 'routePublish:before,guardedPublish:before:2' });
    expect(await l.run(info('guardedPublish', 'wf-a', '2'))).toEqual({ ran: true, settled: 'ok', value: 'done' });
    expect(await l.run(info('routePublish', 'wf-a', '1'))).toEqual({ ran: false, settled: 'parked' });
    expect(l.kills).toHaveLength(0);
    expect(await l.run(info('guardedPublish', 'wf-b', '2'))).toEqual({ ran: false, settled: 'parked' });
    expect(l.kills).toHaveLength(1);
    expect(l.parked.map((p) => [p.activity, p.phase, p.workflowId])).toEqual([
      ['routePublish', 'before', 'wf-a'],
      ['guardedPublish', 'before', 'wf-b'],
    ]);
  });

  it('parks after: the activity ran (its side effect happened) and its result, or its failure, never leaves', async () => {
    const l = life({ RAIZE_CRASH_AT: 'guardedPublish:after,recordInbound:after' });
    expect(await l.run(info('guardedPublish', 'wf-a', '3'))).toEqual({ ran: true, settled: 'parked' });
    const failing = () => Promise.reject(new Error('boom'));
    expect(await l.run(info('recordInbound', 'wf-b', '1'), failing)).toEqual({ ran: true, settled: 'parked' });
    expect(l.kills).toHaveLength(1);
  });

  it("counts a workflow's own activities by type, a retry in the same life as the same one, and filters by attempt", async () => {
    const l = life({
      RAIZE_CRASH_AT: JSON.stringify([
        { activity: 'recordItemStatus', phase: 'before', workflowId: 'wf-c', nth: 2 },
        { activity: 'generateItemAsset', phase: 'after', attempt: 2 },
      ]),
    });
    // Another episode's activities of the same type do not count for wf-c.
    expect((await l.run(info('recordItemStatus', 'wf-x', '1'))).settled).toBe('ok');
    expect((await l.run(info('recordItemStatus', 'wf-c', '2'))).settled).toBe('ok');
    expect((await l.run(info('recordItemStatus', 'wf-c', '2', 2))).settled).toBe('ok');
    expect((await l.run(info('generateItemAsset', 'wf-c', '3'))).settled).toBe('ok');
    expect((await l.run(info('recordItemStatus', 'wf-c', '4'))).settled).toBe('parked');
    expect((await l.run(info('generateItemAsset', 'wf-c', '3', 2))).settled).toBe('parked');
    expect(l.parked.map((p) => [p.activity, p.activityId, p.attempt])).toEqual([
      ['recordItemStatus', '4', 1],
      ['generateItemAsset', '3', 2],
    ]);
  });

  it('kills RAIZE_CRASH_WAIT_MS after the latest park when the other points are not reached', async () => {
    const l = life({ RAIZE_CRASH_AT: 'a:before,b:before,c:before', RAIZE_CRASH_WAIT_MS: '200' });
    await l.run(info('a', 'wf', '1'));
    await new Promise((r) => setTimeout(r, 120));
    await l.run(info('b', 'wf', '2'));
    await new Promise((r) => setTimeout(r, 120));
    // Well past 200 ms since the first park, but not since the second: still waiting for the third.
    expect(l.kills).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(l.kills).toHaveLength(1);
  });
});
