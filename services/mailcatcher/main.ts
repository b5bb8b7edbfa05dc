import { loadMailCatcherConfig } from './mail-catcher-config';
import { startMailCatcher } from './mail-catcher.server';

/** The mail catcher as a process of the local stack (`node dist/services/mailcatcher/main.js`); docs/mail.md. */
async function main(): Promise<void> {
  const config = loadMailCatcherConfig();
  const catcher = await startMailCatcher(config);
  // One JSON line for people and the stack's log, like the other local services.
  console.log(
    JSON.stringify({
      level: 30,
      msg: 'mail catcher ready',
      smtp: catcher.smtpUrl,
      api: `${catcher.url}/messages`,
      dir: config.dir,
    }),
  );
  process.send?.({ ready: true, url: catcher.url });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    catcher.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  // Start-up errors name variables or a port in use, never a value worth hiding.
  console.error(`mail catcher failed to start: ${err.message}`);
  process.exit(1);
});
