import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import type { MasterKey } from './master-key';
import { masterKeyId, parseMasterKey } from './master-key';
import { rewrapKeyring } from './rewrap-keyring';

export interface MasterKeyRotation {
  /** environment: both keys came from the environment; file: the data directory's master.key was replaced */
  mode: 'environment' | 'file';
  keyId: string;
  previousKeyIds: string[];
  entries: number;
  rewrapped: number;
}

export const KEYRING_FILE = 'keyring.json';
export const MASTER_KEY_FILE = 'master.key';
/** The new key of a file-mode rotation until the keyring is re-sealed; a rotation cut short resumes with it. */
export const NEXT_MASTER_KEY_FILE = 'master.key.next';

const asKey = (text: string): MasterKey => {
  const key = parseMasterKey(text);
  return { id: masterKeyId(key), key };
};

/**
 * Re-seals the local keyring under a new master key and retires the old one (C-16), as the runbook
 * docs/runbooks/rotate-master-key.md says:
 * - environment mode (production): `RAIZE_MASTER_KEY` is the new key, `RAIZE_MASTER_KEY_PREVIOUS` the old one;
 *   after the run the old key opens nothing and is to be destroyed.
 * - file mode (no RAIZE_MASTER_KEY): a new key is generated into master.key.next, the keyring is re-sealed,
 *   then master.key is replaced, so the old key is gone from disk. Killed half-way, a second run resumes.
 * Processes read the master key once at start, so they are stopped during the run and restarted after.
 */
export async function rotateMasterKey(opts: {
  dataDir: string;
  masterKey?: string;
  previousMasterKey?: string;
}): Promise<MasterKeyRotation> {
  const keyring = join(opts.dataDir, KEYRING_FILE);
  if (opts.masterKey) {
    if (!opts.previousMasterKey)
      throw new ConfigError(['RAIZE_MASTER_KEY_PREVIOUS: required: the key the keyring is sealed under now']);
    const next = asKey(opts.masterKey);
    const previous = asKey(opts.previousMasterKey);
    if (next.id === previous.id)
      throw new ConfigError(['RAIZE_MASTER_KEY: must be a new key, not RAIZE_MASTER_KEY_PREVIOUS again']);
    const r = await rewrapKeyring(keyring, [previous], next);
    return { mode: 'environment', keyId: next.id, previousKeyIds: r.fromKeyIds, ...counts(r) };
  }
  if (opts.previousMasterKey)
    throw new ConfigError(['RAIZE_MASTER_KEY: required with RAIZE_MASTER_KEY_PREVIOUS (the new key)']);
  const currentFile = join(opts.dataDir, MASTER_KEY_FILE);
  const nextFile = join(opts.dataDir, NEXT_MASTER_KEY_FILE);
  if (!existsSync(currentFile)) throw new ConfigError([`${currentFile}: no master key file to rotate`]);
  const previous = asKey(readFileSync(currentFile, 'utf8'));
  if (!existsSync(nextFile))
    writeFileSync(nextFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  const next = asKey(readFileSync(nextFile, 'utf8'));
  const r = await rewrapKeyring(keyring, [previous], next);
  // Only now does master.key change: until this rename, the old key still opens whatever was not re-sealed.
  renameSync(nextFile, currentFile);
  return { mode: 'file', keyId: next.id, previousKeyIds: r.fromKeyIds, ...counts(r) };
}

const counts = (r: { entries: number; rewrapped: number }) => ({ entries: r.entries, rewrapped: r.rewrapped });
