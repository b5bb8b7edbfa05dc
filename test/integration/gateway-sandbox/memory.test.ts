import { probe, processGone } from './sandbox-probe';

const GROW = 'const a = []; for (;;) a.push(new Array(1e6).fill(1));';

describe('script sandbox: memory (C-38)', () => {
  it('[C-38] a growing array ends the run as "memory" and its process is gone', async () => {
    const { outcome, pid } = await probe(GROW);
    expect(outcome).toMatchObject({ ok: false, code: 'memory', message: 'the script used more memory than allowed' });
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] the heap limit alone stops it (no rlimits)', async () => {
    const { outcome, pid } = await probe(GROW, { only: { heapLimit: true }, limits: { wallMs: 20_000 } });
    expect(outcome).toMatchObject({ ok: false, code: 'memory' });
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] the address-space limit alone stops it (no heap flag)', async () => {
    const { outcome, pid } = await probe(GROW, { only: { rlimits: true }, limits: { wallMs: 20_000, cpuMs: 10_000 } });
    expect(outcome).toMatchObject({ ok: false, code: 'memory' });
    expect(processGone(pid)).toBe(true);
  });
});
