import { DEFAULT_SCRIPT_LIMITS, resolveLimits } from './script-limits';

describe('resolveLimits', () => {
  it('defaults to 2 s CPU, 5 s wall, 128 MB heap and 64 KiB of output', () => {
    expect(resolveLimits()).toEqual({ cpuMs: 2_000, wallMs: 5_000, heapMb: 128, outputBytes: 65_536 });
    expect(DEFAULT_SCRIPT_LIMITS).toEqual(resolveLimits({}));
  });

  it('takes tighter limits and caps looser ones at the ceilings', () => {
    expect(resolveLimits({ wallMs: 500, cpuMs: 1e9, heapMb: 4096, outputBytes: 1e12 })).toEqual({
      cpuMs: 10_000,
      wallMs: 500,
      heapMb: 512,
      outputBytes: 1024 * 1024,
    });
  });

  it('ignores nonsense (zero, negative, NaN, infinity)', () => {
    expect(resolveLimits({ cpuMs: 0, wallMs: -1, heapMb: Number.NaN, outputBytes: Infinity })).toEqual(
      DEFAULT_SCRIPT_LIMITS,
    );
  });
});
