import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { LocalKeyring } from '../../secrets/local-keyring';
import { masterKeyId } from '../../secrets/master-key';
import type { SecretsPort } from '../../secrets/secrets.port';
import { EncryptionCodec } from './encryption.codec';
import { UnknownCodecKeyError } from './codec-key-source';
import { CODEC_CURRENT_SECRET, rotateCodecKey, SecretsCodecKeySource } from './secrets-key-source';

function keyring(): { ring: LocalKeyring; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'raize-codec-')), 'keyring.json');
  const k = randomBytes(32);
  return { ring: new LocalKeyring(file, { id: masterKeyId(k), key: k }), file };
}

function counting(inner: SecretsPort): SecretsPort & { gets: number } {
  const c = {
    backend: inner.backend,
    gets: 0,
    put: inner.put.bind(inner),
    delete: inner.delete.bind(inner),
    get: (k: string) => (c.gets++, inner.get(k)),
  };
  return c;
}

const CODEC = { namespace: 'raize', refusePlaintext: true };

describe('SecretsCodecKeySource', () => {
  it('creates the first key on first use, stores it wrapped, and caches it', async () => {
    const { ring, file } = keyring();
    const secrets = counting(ring);
    const source = new SecretsCodecKeySource(secrets);
    const first = await source.currentKey();
    expect(first.key).toHaveLength(32);
    expect(await ring.get(CODEC_CURRENT_SECRET)).toBe(first.id);
    expect(readFileSync(file, 'utf8')).not.toContain(first.key.toString('base64'));
    const gets = secrets.gets;
    const codec = new EncryptionCodec(source, CODEC);
    for (let i = 0; i < 20; i++) await codec.decode(await codec.encode([defaultPayloadConverter.toPayload(i)]));
    expect(secrets.gets).toBe(gets);
  });

  it('two sources on one backend agree on the first key', async () => {
    const { ring } = keyring();
    const [a, b] = await Promise.all([
      new SecretsCodecKeySource(ring).currentKey(),
      new SecretsCodecKeySource(ring).currentKey(),
    ]);
    expect(a.id).toBe(b.id);
  });

  it('[C-16] after rotateCodecKey new payloads use the new key, old ones still decode; the rotation is audited', async () => {
    const { ring } = keyring();
    let now = 0;
    const source = new SecretsCodecKeySource(ring, { currentTtlMs: 1000, now: () => now });
    const codec = new EncryptionCodec(source, CODEC);
    const [old] = await codec.encode([defaultPayloadConverter.toPayload('sealed under key 1')]);
    const audited: unknown[] = [];
    const id2 = await rotateCodecKey(ring, { audit: { append: async (e) => audited.push(e) }, actor: 'user:ops' });
    now += 1001;
    const [fresh] = await codec.encode([defaultPayloadConverter.toPayload('sealed under key 2')]);
    expect(Buffer.from(fresh.metadata!['encryption-key-id']!).toString()).toBe(id2);
    expect(Buffer.from(old.metadata!['encryption-key-id']!).toString()).not.toBe(id2);
    // A process started after the rotation knows only the new current id, and still opens the old payload.
    const later = new EncryptionCodec(new SecretsCodecKeySource(ring), CODEC);
    expect((await later.decode([old, fresh])).map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([
      'sealed under key 1',
      'sealed under key 2',
    ]);
    expect(audited).toEqual([
      expect.objectContaining({ action: 'codec.key_rotated', subjectId: id2, actor: 'user:ops' }),
    ]);
  });

  it('refuses unknown and malformed key ids without touching other secrets', async () => {
    const { ring } = keyring();
    await ring.put('clients/x/credentials/y', 'tok');
    const source = new SecretsCodecKeySource(ring);
    await expect(source.keyById('0123456789abcdef')).rejects.toBeInstanceOf(UnknownCodecKeyError);
    await expect(source.keyById('../../clients/x/credentials/y')).rejects.toBeInstanceOf(UnknownCodecKeyError);
  });
});
