import { ProviderError } from '../provider.types';
import { backoffDelay } from './backoff';
import { callWithResilience } from './call-with-resilience';
import { CircuitBreakers } from './circuit-breaker';

const unavailable = () => new ProviderError('openai', 'unavailable', 'HTTP 503', { status: 503 });

function harness(opts: { random?: number; threshold?: number; attempts?: number } = {}) {
  let clock = 1_000_000;
  const delays: number[] = [];
  const deps = {
    breakers: new CircuitBreakers({ failureThreshold: opts.threshold ?? 3, cooldownMs: 10_000 }),
    retry: {
      maxAttempts: opts.attempts ?? 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => opts.random ?? 0.5,
      sleep: (ms: number) => {
        delays.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    },
    now: () => clock,
  };
  return { deps, delays, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('backoff with full jitter', () => {
  it('stays within [0, min(max, base·2^(n-1))] for any random draw', () => {
    for (const r of [0, 0.25, 0.999999]) {
      for (let n = 1; n <= 8; n++) {
        const d = backoffDelay(n, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => r });
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(1_000, 100 * 2 ** (n - 1)));
      }
    }
  });

  it("takes the vendor's Retry-After when it is longer than the jittered delay", () => {
    expect(backoffDelay(1, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5 }, 7_000)).toBe(7_000);
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.9 }, 10)).toBe(360);
  });
});

describe('callWithResilience', () => {
  it('retries a 429 after its Retry-After and succeeds', async () => {
    const h = harness();
    let calls = 0;
    const out = await callWithResilience(
      {
        provider: 'openai',
        credentialRefId: 'ref-1',
        timeoutMs: 1_000,
        call: () => {
          calls++;
          if (calls === 1)
            return Promise.reject(
              new ProviderError('openai', 'rate_limited', '429', { status: 429, retryAfterMs: 4_000 }),
            );
          return Promise.resolve('ok');
        },
      },
      h.deps,
    );
    expect(out).toEqual({ ok: true, value: 'ok', attempts: 2 });
    expect(h.delays).toEqual([4_000]);
  });

  it('does not retry a refusal, and a refusal does not count toward the breaker', async () => {
    const h = harness({ threshold: 1 });
    const out = await callWithResilience(
      {
        provider: 'openai',
        credentialRefId: 'ref-1',
        timeoutMs: 1_000,
        call: () => Promise.reject(new ProviderError('openai', 'refused', 'filtered')),
      },
      h.deps,
    );
    expect(out).toMatchObject({ ok: false, attempts: 1, error: { failure: 'refused' } });
    expect(h.deps.breakers.state('openai:ref-1')).toBe('closed');
  });

  it('turns a call that outlives its deadline into an unavailable failure', async () => {
    const h = harness({ attempts: 1 });
    const out = await callWithResilience(
      { provider: 'openai', credentialRefId: 'ref-1', timeoutMs: 20, call: () => new Promise<string>(() => undefined) },
      h.deps,
    );
    expect(out).toMatchObject({ ok: false, error: { failure: 'unavailable' } });
  });

  it('does not retry what the caller marks as not retryable (a render start that may have been taken)', async () => {
    const h = harness();
    let calls = 0;
    await callWithResilience(
      {
        provider: 'kie',
        credentialRefId: 'ref-1',
        timeoutMs: 1_000,
        retryable: (e) => e.details.status !== undefined,
        call: () => {
          calls++;
          return Promise.reject(new ProviderError('kie', 'unavailable', 'no answer'));
        },
      },
      h.deps,
    );
    expect(calls).toBe(1);
  });

  it('[C-51] opens the breaker after N outages, refuses without calling, lets one trial through after the cooldown, closes on success', async () => {
    const h = harness({ threshold: 3, attempts: 5 });
    let calls = 0;
    let fail = true;
    const input = {
      provider: 'openai' as const,
      credentialRefId: 'ref-1',
      timeoutMs: 1_000,
      call: () => {
        calls++;
        return fail ? Promise.reject(unavailable()) : Promise.resolve('ok');
      },
    };
    const first = await callWithResilience(input, h.deps);
    expect(calls).toBe(3);
    expect(first).toMatchObject({ ok: false, breakerOpen: { retryAt: h.now() + 10_000 } });
    expect(h.deps.breakers.state('openai:ref-1')).toBe('open');
    // Another key of the same provider is not affected.
    expect(h.deps.breakers.admit('openai:ref-2', h.now())).toEqual({ admitted: true });

    const refused = await callWithResilience(input, h.deps);
    expect(calls).toBe(3);
    expect(refused).toMatchObject({ ok: false, attempts: 0, breakerOpen: {} });

    h.advance(10_000);
    fail = false;
    expect(await callWithResilience(input, h.deps)).toEqual({ ok: true, value: 'ok', attempts: 1 });
    expect(h.deps.breakers.state('openai:ref-1')).toBe('closed');
  });

  it('[C-51] a failed half-open trial opens the breaker again for another cooldown', () => {
    const b = new CircuitBreakers({ failureThreshold: 2, cooldownMs: 1_000 });
    b.failure('k', 0);
    expect(b.failure('k', 0)).toBe('open');
    expect(b.admit('k', 500)).toEqual({ admitted: false, retryAt: 1_000 });
    expect(b.admit('k', 1_000)).toEqual({ admitted: true });
    expect(b.state('k')).toBe('half_open');
    // Only one trial at a time.
    expect(b.admit('k', 1_001).admitted).toBe(false);
    expect(b.failure('k', 1_100)).toBe('open');
    expect(b.admit('k', 2_000)).toEqual({ admitted: false, retryAt: 2_100 });
  });
});
