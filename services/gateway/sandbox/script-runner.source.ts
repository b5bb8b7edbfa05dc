import { SCRIPT_BOOTSTRAP_SOURCE } from './script-bootstrap.source';

/**
 * The child process's program (C-38), as source text: the parent writes it into the run's empty temp dir and the
 * permission model lets the child read that one file and nothing else. Plain CommonJS on purpose, with no imports
 * but `node:vm`: the child must start without reading node_modules or the repo.
 *
 * It waits for one `run` message on the IPC channel, builds a fresh vm context (no `require`, no `process`, string
 * code generation and wasm off), installs the bootstrap in it and runs the script as the body of an async function
 * in strict mode. Whatever the script does, only primitives reach this realm; an error of this realm never reaches
 * the script (`send` swallows its own), and `import()` is answered with an error made inside the context.
 */
export const SCRIPT_RUNNER_SOURCE = String.raw`'use strict';
const vm = require('node:vm');
const BOOTSTRAP = ${JSON.stringify(SCRIPT_BOOTSTRAP_SOURCE)};
let api = null;
let outputBytes = 0;

function post(msg) {
  try { process.send(msg); } catch { /* the parent is gone: it kills this process group anyway */ }
}

function send(kind, a, b) {
  try {
    if (kind === 'log' && typeof a === 'string') post({ t: 'log', line: a });
    else if (kind === 'fetch' && typeof a === 'number' && typeof b === 'string') post({ t: 'fetch', id: a, url: b });
    else if (kind === 'done' && typeof a === 'string') {
      if (a.length > outputBytes) post({ t: 'error', code: 'output_too_large' });
      else {
        const u = process.cpuUsage();
        post({ t: 'done', json: a, cpuMs: Math.round((u.user + u.system) / 1000) });
      }
    } else if (kind === 'fail' && typeof a === 'string') post({ t: 'error', code: 'script_error', message: a });
    else if (kind === 'overflow') post({ t: 'error', code: 'output_too_large' });
  } catch { /* nothing of this realm may reach the script, not even an error */ }
}

function run(msg) {
  outputBytes = msg.outputBytes;
  const ctx = vm.createContext(Object.create(null), {
    name: 'script',
    codeGeneration: { strings: false, wasm: false },
  });
  const install = new vm.Script(BOOTSTRAP, { filename: 'bootstrap.js' }).runInContext(ctx);
  api = install(send, msg.input, msg.outputBytes);
  const script = new vm.Script("'use strict';(async function () {\n" + msg.code + '\n})', {
    filename: 'script.js',
    lineOffset: -1,
    importModuleDynamically: () => {
      throw api.importRefused();
    },
  });
  api.start(script.runInContext(ctx));
}

process.on('message', (msg) => {
  if (msg === null || typeof msg !== 'object') return;
  if (msg.t === 'run' && api === null && typeof msg.code === 'string' && typeof msg.input === 'string') {
    try {
      run(msg);
    } catch (e) {
      // A syntax error in the script: its name and message only, never this realm's stack.
      const name = e && typeof e.name === 'string' ? e.name : 'Error';
      const message = e && typeof e.message === 'string' ? e.message : 'the script could not start';
      post({ t: 'error', code: 'script_error', message: name + ': ' + message });
    }
  } else if (msg.t === 'fetched' && api !== null && typeof msg.id === 'number') {
    api.deliver(
      msg.id,
      typeof msg.status === 'number' ? msg.status : 0,
      typeof msg.text === 'string' ? msg.text : '',
      typeof msg.error === 'string' ? msg.error : undefined,
    );
  }
});
// A rejection the script left unhandled is its own business; it must not end the run before its result.
process.on('unhandledRejection', () => {});
process.on('disconnect', () => process.exit(0));
`;
