/**
 * A child program for tests only: it runs the script in the child's own realm and hands it `require` and `process`,
 * as if the vm context had been escaped. With it the tests prove that each operating-system layer (network
 * namespace, permission model, rlimits, empty environment) stops an escape on its own.
 */
export const HOST_RUNNER_SOURCE = String.raw`'use strict';
const vm = require('node:vm');
process.on('message', (msg) => {
  if (!msg || msg.t !== 'run') return;
  Promise.resolve()
    .then(() => vm.runInThisContext('(async function (require, process, input) {\n' + msg.code + '\n})')(require, process, JSON.parse(msg.input)))
    .then(
      (r) => process.send({ t: 'done', json: JSON.stringify(r === undefined ? null : r) }),
      (e) => process.send({ t: 'error', code: 'script_error', message: String(e && (e.code || e.message) || e) }),
    );
});
process.on('disconnect', () => process.exit(0));
`;
