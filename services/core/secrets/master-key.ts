import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

export interface MasterKey {
  id: string;
  key: Buffer;
}

export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('the master key must be 32 bytes (64 hex characters or base64)');
  return key;
}

/** The key id is a digest of the key, so it identifies a key without revealing it. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('raize-kid:').update(key).digest('hex').slice(0, 16);
}

/**
 * From RAIZE_MASTER_KEY when given; otherwise generated once into a 0600 file under the data directory,
 * so a fresh clone works without anyone inventing a key (production refuses this path, see app-config).
 */
export function resolveMasterKey(fromEnv: string | undefined, dataDir: string): MasterKey {
  if (fromEnv) {
    const key = parseMasterKey(fromEnv);
    return { id: masterKeyId(key), key };
  }
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Written whole to a private temp file, then linked into place: two processes starting together on a
    // fresh data directory agree on one key, and nobody ever reads a half-written one.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  chmodSync(file, 0o600);
  const key = parseMasterKey(readFileSync(file, 'utf8'));
  return { id: masterKeyId(key), key };
}
