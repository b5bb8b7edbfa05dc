import { probe, processGone, resultOf } from './sandbox-probe';

describe('script sandbox: output size (C-38)', () => {
  it('[C-38] a result over the limit is refused as output_too_large, not returned', async () => {
    const { outcome, pid } = await probe(`return 'x'.repeat(100 * 1024);`);
    expect(outcome).toMatchObject({ ok: false, code: 'output_too_large' });
    expect(JSON.stringify(outcome).length).toBeLessThan(1_000);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] logs count towards the limit: a flood of console lines ends the run', async () => {
    const { outcome, pid } = await probe(`for (;;) console.log('y'.repeat(1000));`, {
      limits: { outputBytes: 8 * 1024 },
    });
    expect(outcome).toMatchObject({ ok: false, code: 'output_too_large' });
    if (!outcome.ok) expect(outcome.logs.join('\n').length).toBeLessThanOrEqual(8 * 1024);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] the parent enforces the limit itself, even when the child does not check', async () => {
    const { outcome } = await probe(`return 'x'.repeat(100 * 1024);`, { hostRealm: true, only: {} });
    expect(outcome).toMatchObject({ ok: false, code: 'output_too_large' });
  });

  it('[C-38] output within the limit comes back with its log lines', async () => {
    const { outcome } = await probe(`console.log('n is', input.n, { deep: [1] }); return { doubled: input.n * 2 };`, {
      input: { n: 21 },
    });
    expect(resultOf(outcome)).toEqual({ doubled: 42 });
    expect(outcome.logs).toEqual(['n is 21 {"deep":[1]}']);
  });
});
