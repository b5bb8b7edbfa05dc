import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';

const STALE_MS = 30_000;

/**
 * A cross-process lock on a file beside the protected one (O_EXCL create). The API and the workers share one
 * keyring file, so read-modify-write must be exclusive across processes, not only within one.
 */
export async function withFileLock<T>(target: string, fn: () => T, timeoutMs = 10_000): Promise<T> {
  const lock = `${target}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        // A holder that died leaves its lock behind; after STALE_MS it is taken over.
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { force: true });
      } catch {
        // removed meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock on ${target}`);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
