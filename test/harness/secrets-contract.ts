import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { SecretsPort } from '../../services/core/secrets/secrets.port';
import { SecretNotFoundError } from '../../services/core/secrets/secrets.port';
import type { CodecKeySource } from '../../services/core/temporal/codec/codec-key-source';

// One suite that every secrets backend must pass, so the keyring developers use and the Vault production
// runs cannot drift apart.

export interface SecretsContractOptions {
  /** A backend whose every call fails (unwritable file, wrong token): its errors must carry no secret. */
  makeFailing?: () => Promise<SecretsPort>;
  /** More strings that must never appear in an error, e.g. the tokens involved. Read when the tests run. */
  neverInErrors?: () => string[];
}

/** Everything an error exposes to a log line, a `console.log(err)` or a JSON serializer. */
function everythingIn(err: unknown): string {
  const e = err as Error;
  return [String(e?.message), String(e?.stack), inspect(err, { depth: 10, showHidden: true }), safeJson(err)].join(
    '\n',
  );
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return '';
  }
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

/** A value of exactly `bytes` UTF-8 bytes mixing 1-, 2-, 3- and 4-byte characters. */
function unicodeValue(bytes: number): string {
  const parts = ['a', 'é', '€', '😀', '\n', '"', '\\', '{{x}}', 'ש'];
  let out = '';
  let size = 0;
  for (let i = 0; ; i++) {
    const p = parts[i % parts.length];
    const n = Buffer.byteLength(p, 'utf8');
    if (size + n > bytes) break;
    out += p;
    size += n;
  }
  return out + 'a'.repeat(bytes - size);
}

/**
 * The SecretsPort contract (C-11, C-13). `makeBackend` returns a backend of its own (a fresh keyring file,
 * a fresh Vault prefix) each time it is called.
 */
export function describeSecretsContract(
  name: string,
  makeBackend: () => Promise<SecretsPort>,
  options: SecretsContractOptions = {},
): void {
  describe(`secrets contract: ${name}`, () => {
    let s: SecretsPort;
    const run = randomBytes(4).toString('hex');
    const key = (k: string) => `contract-${run}/${k}`;

    beforeAll(async () => {
      s = await makeBackend();
    });

    // A property of the port, not a control: C-11 (no secret in the database) is proven where a credential
    // is saved (secrets-contract.test.ts on Vault, connect-account.test.ts on a full dump).
    it('round-trips a value', async () => {
      await s.put(key('round-trip'), 'tok_round_trip_1');
      expect(await s.get(key('round-trip'))).toBe('tok_round_trip_1');
    });

    it('overwrites a value; the last write wins', async () => {
      await s.put(key('overwrite'), 'first');
      await s.put(key('overwrite'), 'second');
      expect(await s.get(key('overwrite'))).toBe('second');
    });

    it('deletes: a deleted key reads as missing, and deleting a missing key is a no-op', async () => {
      await s.put(key('delete'), 'to-be-deleted');
      await s.delete(key('delete'));
      await expect(s.get(key('delete'))).rejects.toBeInstanceOf(SecretNotFoundError);
      await expect(s.delete(key('delete'))).resolves.toBeUndefined();
      await expect(s.delete(key('never-written'))).resolves.toBeUndefined();
    });

    it('reports a key never written as SecretNotFoundError', async () => {
      await expect(s.get(key('never-written'))).rejects.toBeInstanceOf(SecretNotFoundError);
    });

    it('stores unicode, an empty string and a 64 KB value unchanged', async () => {
      const values = ['', unicodeValue(300), unicodeValue(64 * 1024), 'x'.repeat(64 * 1024)];
      for (const [i, v] of values.entries()) {
        await s.put(key(`value-${i}`), v);
        const back = await s.get(key(`value-${i}`));
        expect(Buffer.byteLength(back, 'utf8')).toBe(Buffer.byteLength(v, 'utf8'));
        expect(back === v).toBe(true);
      }
    });

    it("[C-11] keeps two clients' keys apart", async () => {
      const a = key('clients/client-a/credentials/same-id');
      const b = key('clients/client-b/credentials/same-id');
      await s.put(a, 'token-of-client-a');
      await s.put(b, 'token-of-client-b');
      expect(await s.get(a)).toBe('token-of-client-a');
      expect(await s.get(b)).toBe('token-of-client-b');
      await s.delete(a);
      await expect(s.get(a)).rejects.toBeInstanceOf(SecretNotFoundError);
      expect(await s.get(b)).toBe('token-of-client-b');
    });

    it('[C-11] two backends (two keyring files, two Vault prefixes) do not see each other', async () => {
      const other = await makeBackend();
      await s.put(key('shared-name'), 'value-in-first-backend');
      await expect(other.get(key('shared-name'))).rejects.toBeInstanceOf(SecretNotFoundError);
      await other.put(key('shared-name'), 'value-in-second-backend');
      expect(await s.get(key('shared-name'))).toBe('value-in-first-backend');
    });

    it('[C-13] puts no secret value in any error it throws', async () => {
      const secret = `sk_live_${randomBytes(12).toString('hex')}`;
      const never = [secret, ...(options.neverInErrors?.() ?? [])];
      await s.put(key('secret-in-error'), secret);
      await s.delete(key('secret-in-error'));
      const errors = [await caught(s.get(key('secret-in-error')))];
      if (options.makeFailing) {
        const failing = await options.makeFailing();
        errors.push(await caught(failing.put(key('secret-in-error'), secret)));
        errors.push(await caught(failing.get(key('secret-in-error'))));
      }
      for (const err of errors) {
        // Not toBeInstanceOf(Error): errors from Node's fs come from another realm under jest.
        expect(typeof (err as Error | undefined)?.message).toBe('string');
        const text = everythingIn(err);
        for (const n of never) expect(text).not.toContain(n);
      }
    });
  });
}

/** A fresh store of codec keys, and a way to open a key source on it as another process would. */
export type CodecKeyStoreFactory = () => Promise<{ open(): CodecKeySource }>;

/** The CodecKeySource contract (C-16): rotation keeps every earlier key readable by its id. */
export function describeCodecKeySourceContract(name: string, makeStore: CodecKeyStoreFactory): void {
  describe(`codec key contract: ${name}`, () => {
    it('[C-16] creates a 32-byte current key on first use; keys two processes create at once both stay readable', async () => {
      const store = await makeStore();
      // SecretsPort has no compare-and-set, so two processes starting together may each make a key and use
      // it until their cache expires. What must hold: every key anyone used is stored and readable by id.
      const [a, b] = await Promise.all([store.open().currentKey(), store.open().currentKey()]);
      expect(a.key).toHaveLength(32);
      expect(b.key).toHaveLength(32);
      const fresh = store.open();
      expect((await fresh.keyById(a.id)).equals(a.key)).toBe(true);
      expect((await fresh.keyById(b.id)).equals(b.key)).toBe(true);
      expect([a.id, b.id]).toContain((await fresh.currentKey()).id);
      const p = store.open();
      const first = await p.currentKey();
      expect((await p.currentKey()).id).toBe(first.id);
      expect((await p.keyById(first.id)).equals(first.key)).toBe(true);
    });

    it('[C-16] rotates to a new key and still reads every older key by id, also from a fresh process', async () => {
      const store = await makeStore();
      const p = store.open();
      const k1 = await p.currentKey();
      const { id: id2 } = await p.rotate();
      const { id: id3 } = await p.rotate();
      expect(new Set([k1.id, id2, id3]).size).toBe(3);
      const current = await p.currentKey();
      expect(current.id).toBe(id3);
      const fresh = store.open();
      expect((await fresh.currentKey()).id).toBe(id3);
      expect((await fresh.keyById(k1.id)).equals(k1.key)).toBe(true);
      const k2 = await fresh.keyById(id2);
      expect(k2).toHaveLength(32);
      expect((await p.keyById(id2)).equals(k2)).toBe(true);
      expect(k2.equals(k1.key) || k2.equals(current.key)).toBe(false);
    });

    it('refuses unknown and malformed key ids', async () => {
      const p = (await makeStore()).open();
      await p.currentKey();
      for (const id of ['0123456789abcdef', '../current', 'current', '']) await expect(p.keyById(id)).rejects.toThrow();
    });
  });
}
