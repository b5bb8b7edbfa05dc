// Standalone sandbox process (demo / local stack). Configuration comes from the environment.
import { sandboxStartRefusal } from './production-refusal';
import { DEFAULT_ADMIN_TOKEN, startSandbox } from './sandbox.server';

async function main(): Promise<void> {
  const refusal = sandboxStartRefusal(process.env);
  if (refusal) throw new Error(refusal);
  const port = Number(process.env.SANDBOX_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid SANDBOX_PORT ${process.env.SANDBOX_PORT}`);
  const sandbox = await startSandbox({
    port,
    host: process.env.SANDBOX_HOST || '127.0.0.1',
    stateFile: process.env.SANDBOX_STATE_FILE || undefined,
    adminToken: process.env.SANDBOX_ADMIN_TOKEN || DEFAULT_ADMIN_TOKEN,
    publicUrl: process.env.SANDBOX_PUBLIC_URL || undefined,
  });
  console.log(
    `[sandbox] listening on ${sandbox.url}${process.env.SANDBOX_STATE_FILE ? ` (state: ${process.env.SANDBOX_STATE_FILE})` : ''}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sandbox] ${signal} received, shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      (err) => {
        console.error('[sandbox] error during shutdown', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`[sandbox] failed to start: ${err.message}`);
  process.exit(1);
});
