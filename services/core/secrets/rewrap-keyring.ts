import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SealedBox } from './aes-gcm';
import { open, seal } from './aes-gcm';
import { withFileLock } from './file-lock';
import type { MasterKey } from './master-key';
import { SecretDecryptError } from './secrets.port';

export interface RewrapResult {
  entries: number;
  rewrapped: number;
  /** the key ids the entries were sealed under before */
  fromKeyIds: string[];
}

/**
 * Re-seals every entry of a keyring file under `to` (C-16). All or nothing: each entry is opened first with
 * the key its box names, and the file is replaced in one rename only when every entry opened, so a wrong or
 * missing old key changes nothing. Each box stays bound to its name (AAD), as LocalKeyring writes it.
 */
export async function rewrapKeyring(file: string, from: MasterKey[], to: MasterKey): Promise<RewrapResult> {
  const keys = new Map([...from, to].map((k) => [k.id, k.key]));
  return withFileLock(file, () => {
    if (!existsSync(file)) return { entries: 0, rewrapped: 0, fromKeyIds: [] };
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: Record<string, SealedBox> };
    if (data.version !== 1 || typeof data.entries !== 'object') throw new Error(`${file} is not a Raize keyring`);
    const fromKeyIds = new Set<string>();
    let rewrapped = 0;
    for (const [name, box] of Object.entries(data.entries)) {
      if (box.kid === to.id) continue;
      const key = keys.get(box.kid);
      if (!key) throw new SecretDecryptError(name);
      let plaintext: string;
      try {
        plaintext = open(key, box, name);
      } catch {
        throw new SecretDecryptError(name);
      }
      data.entries[name] = seal(to.key, to.id, plaintext, name);
      fromKeyIds.add(box.kid);
      rewrapped++;
    }
    const tmp = `${file}.${process.pid}.rewrap.tmp`;
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
    renameSync(tmp, file);
    return { entries: Object.keys(data.entries).length, rewrapped, fromKeyIds: [...fromKeyIds] };
  });
}
