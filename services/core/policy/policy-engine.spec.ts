import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyEngine, PolicyLoadError, type PolicyEvaluator } from './policy-engine';
import { defaultPolicyWasmPath, findRepoRoot } from './policy-paths';
import type { PolicyDecision, PolicyInput } from './policy.types';

// jest types its asymmetric matchers (expect.any, expect.stringContaining) as `any`: `as unknown` keeps them typed.

const root = findRepoRoot(__dirname);
const wasmPath = defaultPolicyWasmPath(root);

/** Newest mtime of the Rego/JSON sources, to rebuild a wasm older than its sources. */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (/\.(rego|json)$/.test(entry.name) && !entry.name.endsWith('_test.rego'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function ensurePolicyBuilt(): void {
  const stale = existsSync(wasmPath) && statSync(wasmPath).mtimeMs < newestSourceMtime(join(root, 'policies', 'raize'));
  if (existsSync(wasmPath) && !stale) return;
  execFileSync('bash', [join(root, 'policies', 'build.sh')], { cwd: root, stdio: 'pipe', timeout: 120_000 });
}

function sampleInput(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    action: 'publish',
    platform: 'sandbox',
    lane: 'api',
    now_s: 1_764_000_000,
    scheduled_at_s: 1_763_999_990,
    local_time: { hour: 14, minute: 5, weekday: 3 },
    tenant: { agency_id: 'agency-1', client_id: 'client-1', account_id: 'account-1' },
    author: { id: 'user-1', kind: 'ai' },
    approvals: [],
    content_checksum: 'abc',
    kill_switches: [],
    account: { status: 'connected', allowed_lanes: ['api'] },
    settings: {
      autonomy: { publish: 'autonomous' },
      four_eyes: false,
      spend_caps: [],
      caps: [{ action: 'publish', scope: 'account', max_per_day: 10 }],
      cooldown_seconds: { publish: 60 },
      quiet_hours: { start_hour: 22, end_hour: 7 },
      lateness_cutoff_seconds: null,
      enabled_platforms: [],
    },
    counters: { account_today: 3, client_today: 5, global_today: 9, seconds_since_last: 120 },
    ...overrides,
  };
}

const codes = (d: PolicyDecision) => d.reasons.map((r) => r.code);
const valid = { allow: true, reasons: [], needs_approval: false };

describe('PolicyEngine with the real wasm (policies/dist/policy.wasm)', () => {
  let engine: PolicyEngine;

  beforeAll(async () => {
    ensurePolicyBuilt();
    engine = await PolicyEngine.load();
  }, 180_000);

  it('allows an autonomous publish that breaks no rule', () => {
    expect(engine.decide(sampleInput())).toEqual({ allow: true, reasons: [], needsApproval: false });
  });

  it('denies under a matching kill switch and names the scope', () => {
    const d = engine.decide(sampleInput({ kill_switches: [{ scope: 'client', scope_id: 'client-1' }] }));
    expect(d.allow).toBe(false);
    expect(d.reasons).toEqual([{ code: 'kill_switch', message: expect.stringContaining('client scope') as unknown }]);
  });

  it('ignores a kill switch of another tenant', () => {
    expect(engine.decide(sampleInput({ kill_switches: [{ scope: 'account', scope_id: 'account-2' }] })).allow).toBe(
      true,
    );
  });

  it('requires an approval for assisted autonomy and accepts a valid one', () => {
    const settings = { ...sampleInput().settings, autonomy: { publish: 'assisted' as const } };
    const missing = engine.decide(sampleInput({ settings }));
    expect(missing).toMatchObject({ allow: false, needsApproval: true });
    expect(codes(missing)).toEqual(['approval_required']);

    const stale = engine.decide(
      sampleInput({ settings, approvals: [{ approver_id: 'user-2', role: 'Publisher', checksum: 'old' }] }),
    );
    expect(codes(stale)).toEqual(['approval_required', 'approval_stale']);

    const approved = engine.decide(
      sampleInput({ settings, approvals: [{ approver_id: 'user-2', role: 'Publisher', checksum: 'abc' }] }),
    );
    expect(approved).toEqual({ allow: true, reasons: [], needsApproval: true });
  });

  it('enforces four eyes: a self-approval is not enough', () => {
    const settings = { ...sampleInput().settings, four_eyes: true };
    const self = engine.decide(
      sampleInput({ settings, approvals: [{ approver_id: 'user-1', role: 'Admin', checksum: 'abc' }] }),
    );
    expect(self.allow).toBe(false);
    expect(codes(self)).toEqual(['four_eyes']);

    const other = engine.decide(
      sampleInput({ settings, approvals: [{ approver_id: 'user-2', role: 'Reviewer', checksum: 'abc' }] }),
    );
    expect(other).toEqual({ allow: true, reasons: [], needsApproval: true });
  });

  it('reports several reasons at once, sorted by code', () => {
    const d = engine.decide(
      sampleInput({
        platform: 'skool',
        lane: 'browser',
        local_time: { hour: 23, minute: 0, weekday: 1 },
        counters: { account_today: 10, client_today: 10, global_today: 10, seconds_since_last: 5 },
      }),
    );
    expect(codes(d)).toEqual([
      'browser_profile_missing',
      'cap_reached',
      'cooldown',
      'lane_not_allowed',
      'platform_disallowed',
      'quiet_hours',
    ]);
  });

  it('denies a malformed input with invalid_input instead of throwing', () => {
    const d = engine.decide({} as unknown as PolicyInput);
    expect(d.allow).toBe(false);
    expect(codes(d)).toContain('invalid_input');
  });

  it('denies a late publish and asks for a fresh approval', () => {
    const d = engine.decide(sampleInput({ scheduled_at_s: 1_764_000_000 - 3_601 }));
    expect(d).toMatchObject({ allow: false, needsApproval: true });
    expect(codes(d)).toEqual(['late']);
  });

  describe('loading', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'raize-policy-spec-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('tells to run npm run policies:build when the wasm is missing', async () => {
      await expect(PolicyEngine.load({ wasmPath: join(dir, 'nope.wasm') })).rejects.toThrow(/npm run policies:build/);
      await expect(PolicyEngine.load({ wasmPath: join(dir, 'nope.wasm') })).rejects.toBeInstanceOf(PolicyLoadError);
    });

    it('refuses a missing data file', async () => {
      await expect(PolicyEngine.load({ dataPath: join(dir, 'missing.json') })).rejects.toThrow(/policy data not found/);
    });

    it('refuses a wasm file that is not wasm', async () => {
      const bogus = join(dir, 'bogus.wasm');
      writeFileSync(bogus, 'not wasm');
      await expect(
        PolicyEngine.load({ wasmPath: bogus, dataPath: join(root, 'policies', 'dist', 'data.json') }),
      ).rejects.toThrow(/cannot load policy wasm/);
    });

    it('rejects a non-positive timeout', async () => {
      await expect(PolicyEngine.load({ timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
    });

    it('[C-18] denies everything when the policy data is empty', async () => {
      const empty = join(dir, 'empty.json');
      writeFileSync(empty, '{}');
      const noData = await PolicyEngine.load({ dataPath: empty });
      const d = noData.decide(sampleInput());
      expect(d.allow).toBe(false);
      expect(codes(d)).toContain('policy_data_missing');
    });
  });
});

describe('PolicyEngine fails closed', () => {
  const engineOf = (evaluator: PolicyEvaluator) => PolicyEngine.fromEvaluator(evaluator);
  const expectEngineError = (d: PolicyDecision) => {
    expect(d.allow).toBe(false);
    expect(d.needsApproval).toBe(false);
    expect(d.reasons[0]).toEqual({ code: 'engine_error', message: expect.any(String) as unknown });
  };

  it('passes a well-formed result through', () => {
    expect(engineOf(() => [{ result: valid }]).decide(sampleInput())).toEqual({
      allow: true,
      reasons: [],
      needsApproval: false,
    });
  });

  it('[C-18] denies when the engine throws a plain string', () => {
    const d = engineOf(() => {
      throw 'internal: opa_abort';
    }).decide(sampleInput());
    expectEngineError(d);
    expect(d.reasons[0].message).toContain('internal: opa_abort');
  });

  it('[C-18] denies when the engine throws an Error', () => {
    const d = engineOf(() => {
      throw new RangeError('out of memory');
    }).decide(sampleInput());
    expectEngineError(d);
    expect(d.reasons[0].message).toContain('out of memory');
  });

  it('[C-18] denies when the engine throws undefined or an unprintable object', () => {
    expectEngineError(
      engineOf(() => {
        throw undefined;
      }).decide(sampleInput()),
    );
    const unprintable = {
      toJSON() {
        throw new Error('no');
      },
      toString() {
        throw new Error('no');
      },
    };
    expectEngineError(
      engineOf(() => {
        throw unprintable;
      }).decide(sampleInput()),
    );
  });

  it('[C-18] denies when the engine returns an empty result set', () => {
    expectEngineError(engineOf(() => []).decide(sampleInput()));
  });

  it('[C-18] denies when the engine returns null or undefined', () => {
    expectEngineError(engineOf(() => null).decide(sampleInput()));
    expectEngineError(engineOf(() => undefined).decide(sampleInput()));
  });

  it('[C-18] denies when the result set has no result', () => {
    expectEngineError(engineOf(() => [{}]).decide(sampleInput()));
    expectEngineError(engineOf(() => [{ result: undefined }]).decide(sampleInput()));
  });

  it('[C-18] denies when the engine returns garbage', () => {
    for (const garbage of ['allow', 42, true, { allow: true }, [true], [{ result: true }], [{ result: 'allow' }]]) {
      expectEngineError(engineOf(() => garbage).decide(sampleInput()));
    }
  });

  it('[C-18] denies a malformed decision object', () => {
    const malformed = [
      { allow: 'true', reasons: [], needs_approval: false },
      { allow: true, needs_approval: false },
      { allow: true, reasons: [], needs_approval: 'no' },
      { allow: true, reasons: [{ code: 'x' }], needs_approval: false },
      { allow: true, reasons: [{ code: '', message: 'm' }], needs_approval: false },
      { allow: true, reasons: {}, needs_approval: false },
    ];
    for (const result of malformed) expectEngineError(engineOf(() => [{ result }]).decide(sampleInput()));
  });

  it('[C-18] denies when the result set has more than one result', () => {
    expectEngineError(engineOf(() => [{ result: valid }, { result: valid }]).decide(sampleInput()));
  });

  it('[C-18] denies an allow that carries reasons, keeping the reasons', () => {
    const d = engineOf(() => [
      { result: { allow: true, reasons: [{ code: 'kill_switch', message: 'k' }], needs_approval: false } },
    ]).decide(sampleInput());
    expect(d.allow).toBe(false);
    expect(codes(d)).toEqual(['engine_error', 'kill_switch']);
  });

  it('[C-18] denies a deny without reasons with engine_error', () => {
    const d = engineOf(() => [{ result: { allow: false, reasons: [], needs_approval: true } }]).decide(sampleInput());
    expect(d.allow).toBe(false);
    expect(codes(d)).toEqual(['engine_error']);
  });

  it('[C-18] denies with engine_timeout when evaluation takes longer than timeoutMs', () => {
    let now = 0;
    const clock = () => now;
    const slow = PolicyEngine.fromEvaluator(
      () => {
        now += 300;
        return [{ result: valid }];
      },
      { clock },
    );
    const d = slow.decide(sampleInput());
    expect(d.allow).toBe(false);
    expect(d.reasons).toEqual([
      { code: 'engine_timeout', message: expect.stringContaining('limit 250 ms') as unknown },
    ]);
  });

  it('[C-18] measures real time against a custom timeout', () => {
    const busy = PolicyEngine.fromEvaluator(
      () => {
        const until = Date.now() + 30;
        while (Date.now() < until) {
          /* spin: evaluation is synchronous */
        }
        return [{ result: valid }];
      },
      { timeoutMs: 5 },
    );
    expect(codes(busy.decide(sampleInput()))).toEqual(['engine_timeout']);
  });

  it('[C-18] reports both timeout and error when a slow evaluation throws', () => {
    let now = 0;
    const d = PolicyEngine.fromEvaluator(
      () => {
        now += 1_000;
        throw 'boom';
      },
      { clock: () => now },
    ).decide(sampleInput());
    expect(codes(d)).toEqual(['engine_timeout', 'engine_error']);
  });

  it('[C-18] never throws, even when the clock does', () => {
    const broken = PolicyEngine.fromEvaluator(() => [{ result: valid }], {
      clock: () => {
        throw new Error('clock broke');
      },
    });
    expect(() => broken.decide(sampleInput())).not.toThrow();
    expectEngineError(broken.decide(sampleInput()));
  });

  it('[C-18] denies when the clock returns nonsense', () => {
    const d = PolicyEngine.fromEvaluator(() => [{ result: valid }], { clock: () => Number.NaN }).decide(sampleInput());
    expect(codes(d)).toEqual(['engine_timeout']);
  });
});
