import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SealedBox } from './aes-gcm';
import { open, seal } from './aes-gcm';
import type { MasterKey } from './master-key';
import type { SecretsPort } from './secrets.port';
import { SecretDecryptError, SecretNotFoundError } from './secrets.port';
import { withFileLock } from './file-lock';

interface KeyringFile {
  version: 1;
  entries: Record<string, SealedBox>;
}

/**
 * The default secrets backend: one JSON file of AES-256-GCM boxes, each bound to its key name (AAD), so a
 * box moved to another name fails to open. Writes are atomic (tmp + rename) so a crash never leaves a
 * half-written keyring. Older keys stay usable for reading by id.
 */
export class LocalKeyring implements SecretsPort {
  readonly backend = 'keyring' as const;
  private readonly keys: Map<string, Buffer>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly current: MasterKey,
    previous: MasterKey[] = [],
  ) {
    this.keys = new Map([...previous, current].map((k) => [k.id, k.key]));
  }

  async put(key: string, value: string): Promise<void> {
    await this.serialize(() => {
      const data = this.read();
      data.entries[key] = seal(this.current.key, this.current.id, value, key);
      this.write(data);
    });
  }

  async get(key: string): Promise<string> {
    const box = this.read().entries[key];
    if (!box) throw new SecretNotFoundError(key);
    const k = this.keys.get(box.kid);
    if (!k) throw new SecretDecryptError(key);
    try {
      return open(k, box, key);
    } catch {
      throw new SecretDecryptError(key);
    }
  }

  async delete(key: string): Promise<void> {
    await this.serialize(() => {
      const data = this.read();
      delete data.entries[key];
      this.write(data);
    });
  }

  private serialize<T>(fn: () => T): Promise<T> {
    const locked = () => {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      return withFileLock(this.file, fn);
    };
    const next = this.queue.then(locked, locked);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private read(): KeyringFile {
    if (!existsSync(this.file)) return { version: 1, entries: {} };
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as KeyringFile;
    if (parsed.version !== 1 || typeof parsed.entries !== 'object')
      throw new Error(`${this.file} is not a Raize keyring`);
    return parsed;
  }

  private write(data: KeyringFile): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
