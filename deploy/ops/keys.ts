import { KEYS_USAGE, runKeysCommand } from './keys.command';

/**
 * Key rotation for operators (docs/runbooks/): `npm run keys -- rotate-master-key | rotate-codec-key |
 * retire-codec-key --id <id> | check [--actor user:<id>]`, with the services' own environment.
 */
if (process.argv.length < 3) {
  console.error(KEYS_USAGE);
  process.exit(2);
}
runKeysCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`keys failed: ${err.message}`);
    process.exit(1);
  },
);
