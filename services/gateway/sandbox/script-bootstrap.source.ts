/**
 * The code that runs INSIDE the script's vm context before the script (C-38), as source text: it must be compiled
 * in that context so every object the script can touch (console, fetch, input, the promises fetch returns) is made
 * of the context's own intrinsics. A host object reachable from the script is a way out: its `constructor`
 * chain leads to the child's real `Function`, and from there to `process`.
 *
 * `install(send, inputJson, maxBytes)` receives the one host function, `send(kind, a, b)`, and keeps it in a closure
 * the script cannot reach (strict mode: no `caller`, no `arguments.callee`). Only primitives cross: `send` gets
 * strings and numbers, and the host answers fetches by calling `deliver(id, status, text, error)` with primitives.
 * Intrinsics are captured here, before the script runs, so a script that rewrites `Promise.prototype.then` or
 * `JSON.stringify` changes only its own behaviour, never what the bootstrap hands to the host.
 */
export const SCRIPT_BOOTSTRAP_SOURCE = String.raw`'use strict';
(function install(send, inputJson, maxBytes) {
  const G = globalThis;
  const P = Promise;
  const then = Promise.prototype.then;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const Str = String;
  const TypeErr = TypeError;
  const Err = Error;
  const pending = new Map();
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const join = Array.prototype.join;
  const slice = String.prototype.slice;
  let seq = 0;
  let logged = 0;
  let finished = false;

  function cut(s, n) {
    return s.length > n ? apply(slice, s, [0, n]) + '…' : s;
  }
  function show(v) {
    if (typeof v === 'string') return v;
    try {
      const j = stringify(v);
      return j === undefined ? Str(v) : j;
    } catch {
      try { return Str(v); } catch { return '[unprintable]'; }
    }
  }
  function describe(e) {
    try {
      if (e !== null && typeof e === 'object') {
        const name = Str(e.name === undefined ? 'Error' : e.name);
        const message = Str(e.message === undefined ? '' : e.message);
        return cut(message ? name + ': ' + message : name, 1000);
      }
      return cut('thrown: ' + show(e), 1000);
    } catch {
      return 'the script failed';
    }
  }
  function tell(kind, a, b) {
    try { send(kind, a, b); return true; } catch { return false; }
  }

  const log = function log(...args) {
    const parts = [];
    for (let i = 0; i < args.length; i++) parts[i] = show(args[i]);
    const line = cut(apply(join, parts, [' ']), 4000);
    logged += line.length;
    if (logged > maxBytes) { tell('overflow'); return; }
    tell('log', line);
  };
  const console = freeze({ log, info: log, warn: log, error: log });

  const fetch = function fetch(url) {
    return new P((resolve, reject) => {
      let target;
      try { target = Str(url); } catch { reject(new TypeErr('fetch needs a URL string')); return; }
      const id = ++seq;
      apply(mapSet, pending, [id, { resolve, reject }]);
      if (!tell('fetch', id, target)) {
        apply(mapDelete, pending, [id]);
        reject(new Err('fetch could not be sent'));
      }
    });
  };

  function deliver(id, status, text, error) {
    const p = apply(mapGet, pending, [id]);
    if (!p) return;
    apply(mapDelete, pending, [id]);
    if (typeof error === 'string') p.reject(new Err(error));
    else p.resolve(freeze({ status, ok: status >= 200 && status < 300, text }));
  }

  function start(main) {
    let running;
    try { running = main(); } catch (e) { running = P.reject(e); }
    apply(then, running, [
      (value) => {
        if (finished) return;
        finished = true;
        let json;
        try { json = stringify(value === undefined ? null : value); } catch (e) { tell('fail', 'the result is not JSON: ' + describe(e)); return; }
        tell('done', json === undefined ? 'null' : json);
      },
      (e) => {
        if (finished) return;
        finished = true;
        tell('fail', describe(e));
      },
    ]);
  }

  function importRefused() {
    return new TypeErr('import() is not available in scripts');
  }

  const fixed = { writable: false, enumerable: true, configurable: false };
  defineProperty(G, 'console', { ...fixed, value: console });
  defineProperty(G, 'fetch', { ...fixed, value: freeze(fetch) });
  defineProperty(G, 'input', { ...fixed, value: parse(inputJson) });
  return freeze({ deliver, start, importRefused });
})`;
