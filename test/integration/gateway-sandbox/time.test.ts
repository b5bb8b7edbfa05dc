import { probe, processGone } from './sandbox-probe';

describe('script sandbox: time and CPU (C-38)', () => {
  it('[C-38] a busy loop is killed at the wall-clock limit and its process is gone', async () => {
    const started = Date.now();
    const { outcome, pid } = await probe('while (true) {}', { limits: { wallMs: 1_000 } });
    expect(outcome).toMatchObject({ ok: false, code: 'timeout', message: 'the script ran longer than allowed' });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] a script that waits forever (no CPU used) is killed at the wall-clock limit', async () => {
    const { outcome, pid } = await probe('await new Promise(() => {});', { limits: { wallMs: 800 } });
    expect(outcome).toMatchObject({ ok: false, code: 'timeout' });
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] the CPU limit alone ends a busy loop long before the wall-clock limit', async () => {
    const started = Date.now();
    const { outcome, pid } = await probe('while (true) {}', { limits: { cpuMs: 1_000, wallMs: 20_000 } });
    expect(outcome).toMatchObject({ ok: false, code: 'cpu', message: 'the script used more CPU time than allowed' });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] a script within its limits reports the CPU and wall time it used', async () => {
    const { outcome } = await probe('let n = 0; for (let i = 0; i < 1e6; i++) n += i; return n;');
    expect(outcome).toMatchObject({ ok: true, result: 499999500000 });
    if (outcome.ok) {
      expect(outcome.cpuMs).toBeGreaterThan(0);
      expect(outcome.wallMs).toBeGreaterThan(0);
    }
  });
});
