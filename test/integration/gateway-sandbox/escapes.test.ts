import { probe, processGone, resultOf } from './sandbox-probe';

/** Runs `f`, returning what it gave or the name and message of what it threw. */
const TRY = `const t = async (f) => { try { const v = await f(); return 'escaped: ' + typeof v; } catch (e) { return (e.code ? e.code + ' ' : '') + e.name + ': ' + e.message; } };`;

describe('script sandbox: escapes (C-38)', () => {
  it('[C-38] the constructor chain from everything a script can touch ends at the context own Function', async () => {
    const { outcome } = await probe(
      `
      const p = fetch('https://not-allowed.example/'); let fetchError; try { await p } catch (e) { fetchError = e }
      let importError; try { await import('node:fs') } catch (e) { importError = e }
      let frames; const saved = Error.prepareStackTrace;
      Error.prepareStackTrace = (_e, f) => f; frames = new Error('x').stack; Error.prepareStackTrace = saved;
      const reachable = { globalThis, console, log: console.log, fetch, input, promise: p, fetchError, importError };
      const foreign = Object.entries(reachable).filter(([, o]) => o.constructor.constructor !== Function).map(([k]) => k);
      const hostFrames = frames.filter((f) => f.getFunction() !== undefined || f.getThis() !== undefined).length;
      return { foreign, hostFrames, thisAtTop: typeof this };`,
      { input: { a: 1 } },
    );
    expect(resultOf(outcome)).toEqual({ foreign: [], hostFrames: 0, thisAtTop: 'undefined' });
  });

  it('[C-38] constructor.constructor("return process") fails by every route', async () => {
    const { outcome } = await probe(
      `${TRY}
      return [
        await t(() => globalThis.constructor.constructor('return process')()),
        await t(() => console.log.constructor('return process')()),
        await t(() => fetch.constructor('return process')()),
        await t(() => input.constructor.constructor('return process')()),
        await t(async () => { try { await import('x') } catch (e) { return e.constructor.constructor('return process')() } }),
        await t(() => (async () => {}).constructor('return process')()),
        await t(() => eval('process')),
      ];`,
      { input: {} },
    );
    const results = resultOf(outcome) as string[];
    expect(results).toHaveLength(7);
    for (const r of results) expect(r).toBe('EvalError: Code generation from strings disallowed for this context');
  });

  it('[C-38] import(), require and process are not there', async () => {
    const { outcome } = await probe(`${TRY}
      return [
        await t(() => import('node:child_process')),
        await t(() => require('child_process')),
        await t(() => process.binding('spawn_sync')),
        await t(() => module.constructor._load('child_process')),
        await t(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))),
      ];`);
    expect(resultOf(outcome)).toEqual([
      'TypeError: import() is not available in scripts',
      'ReferenceError: require is not defined',
      'ReferenceError: process is not defined',
      'ReferenceError: module is not defined',
      expect.stringMatching(/^CompileError: .*disallowed/),
    ]);
  });

  it('[C-38] the permission model alone denies child_process, workers and native addons by any route', async () => {
    const { outcome, pid } = await probe(
      `${TRY}
      return [
        await t(() => require('node:child_process').execSync('id', { encoding: 'utf8' })),
        await t(() => require('node:child_process').spawnSync('/bin/sh', ['-c', 'id'])),
        await t(() => process.binding('spawn_sync')),
        await t(() => new (require('node:worker_threads').Worker)('1', { eval: true })),
        await t(() => process.dlopen({ exports: {} }, '/nonexistent.node')),
      ];`,
      { hostRealm: true, only: { permissions: true } },
    );
    const results = resultOf(outcome) as string[];
    expect(results).toHaveLength(5);
    for (const r of results.slice(0, 4)) expect(r).toMatch(/^ERR_ACCESS_DENIED /);
    // Node 20's permission model has no addon switch: --no-addons (always on) refuses them
    expect(results[4]).toMatch(/^ERR_DLOPEN_DISABLED /);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] control: without the permission model a script holding require runs a command (the test above bites)', async () => {
    const { outcome } = await probe(
      `return require('node:child_process').execSync('echo ran', { encoding: 'utf8' });`,
      {
        hostRealm: true,
        only: {},
      },
    );
    expect(resultOf(outcome)).toBe('ran\n');
  });

  it('[C-38] error messages carry no host stack trace', async () => {
    const { outcome } = await probe(`function f() { null.x } f();`);
    expect(outcome).toMatchObject({ ok: false, code: 'script_error' });
    if (!outcome.ok) {
      expect(outcome.message).toBe("TypeError: Cannot read properties of null (reading 'x')");
      expect(outcome.message).not.toMatch(/runner|\.cjs|\.ts|node:|\n\s+at /);
    }
    const syntax = await probe(`return (`);
    expect(syntax.outcome).toMatchObject({ ok: false, code: 'script_error' });
    if (!syntax.outcome.ok) expect(syntax.outcome.message).toMatch(/^SyntaxError: [^\n]*$/);
  });
});
