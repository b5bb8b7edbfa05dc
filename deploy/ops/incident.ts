import { INCIDENT_USAGE, runIncidentCommand } from './incident.command';

/**
 * Containment for a compromised operator account or platform token (docs/runbooks/), with the services' own
 * environment and the owner's DATABASE_URL: `npm run ops -- disable-operator --user <id> --reason "…"`.
 */
if (process.argv.length < 3) {
  console.error(INCIDENT_USAGE);
  process.exit(2);
}
runIncidentCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`ops failed: ${err.message}`);
    process.exit(1);
  },
);
