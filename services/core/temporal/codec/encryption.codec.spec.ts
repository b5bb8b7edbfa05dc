import { createCipheriv, randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import type { CodecKey, CodecKeySource } from './codec-key-source';
import { payloadToBytes } from './payload-proto';
import {
  ENCRYPTED_ENCODING,
  ENVELOPE_METADATA,
  EncryptionCodec,
  KEY_ID_METADATA,
  PayloadDecryptError,
  PlaintextPayloadError,
} from './encryption.codec';

class FixedKeys implements CodecKeySource {
  readonly all = new Map<string, Buffer>();
  current: CodecKey;
  constructor() {
    this.current = this.add('00000000000000a1');
  }
  add(id: string): CodecKey {
    const k = { id, key: randomBytes(32) };
    this.all.set(id, k.key);
    return k;
  }
  async currentKey() {
    return this.current;
  }
  async keyById(id: string) {
    const k = this.all.get(id);
    if (!k) throw new Error(`unknown key ${id}`);
    return k;
  }
  async rotate() {
    this.current = this.add(randomBytes(8).toString('hex'));
    return { id: this.current.id };
  }
}

const DEV = { namespace: 'raize', refusePlaintext: false };
const PRODUCTION = { namespace: 'raize', refusePlaintext: true };
const meta = (p: Payload, k: string) => Buffer.from(p.metadata![k]!).toString('utf8');
const SECRET = 'caption: launch day; token tok_live_123; ops@example.test';

describe('EncryptionCodec', () => {
  it('round-trips payloads, hides their bytes, and uses a fresh IV each time', async () => {
    const keys = new FixedKeys();
    const codec = new EncryptionCodec(keys, DEV);
    const plain = defaultPayloadConverter.toPayload({ text: SECRET });
    const [a, b] = await codec.encode([plain, plain]);
    expect(meta(a, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(meta(a, KEY_ID_METADATA)).toBe('00000000000000a1');
    expect(Object.keys(a.metadata!).sort()).toEqual(['encoding', KEY_ID_METADATA, ENVELOPE_METADATA].sort());
    expect(Buffer.from(a.data!).toString('latin1')).not.toContain('tok_live_123');
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
    const [back] = await codec.decode([a]);
    expect(defaultPayloadConverter.fromPayload(back)).toEqual({ text: SECRET });
    expect(meta(back, 'encoding')).toBe('json/plain');
  });

  it('passes through payloads it did not encode outside production (histories recorded before the codec)', async () => {
    const plain = defaultPayloadConverter.toPayload({ a: 1 });
    const [out] = await new EncryptionCodec(new FixedKeys(), DEV).decode([plain]);
    expect(out).toBe(plain);
  });

  it('[C-16] decodes by key id after the current key changed', async () => {
    const keys = new FixedKeys();
    const codec = new EncryptionCodec(keys, DEV);
    const [old] = await codec.encode([defaultPayloadConverter.toPayload('before')]);
    keys.current = keys.add('00000000000000b2');
    const [fresh] = await codec.encode([defaultPayloadConverter.toPayload('after')]);
    expect(meta(fresh, KEY_ID_METADATA)).toBe('00000000000000b2');
    const decoded = await codec.decode([old, fresh]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(['before', 'after']);
  });

  it('refuses tampered data, a relabelled key id and a wrong key', async () => {
    const keys = new FixedKeys();
    const codec = new EncryptionCodec(keys, DEV);
    const [p] = await codec.encode([defaultPayloadConverter.toPayload('x')]);
    const flipped = Buffer.from(p.data!);
    flipped[14] ^= 1;
    await expect(codec.decode([{ ...p, data: new Uint8Array(flipped) }])).rejects.toBeInstanceOf(PayloadDecryptError);
    // Same bytes claimed under another key id: the AAD binds the id, and the key differs anyway.
    const other = keys.add('00000000000000c3');
    keys.all.set(other.id, keys.all.get('00000000000000a1')!);
    await expect(
      codec.decode([{ ...p, metadata: { ...p.metadata, [KEY_ID_METADATA]: Buffer.from(other.id) } }]),
    ).rejects.toBeInstanceOf(PayloadDecryptError);
    keys.all.set('00000000000000a1', randomBytes(32));
    await expect(codec.decode([p])).rejects.toBeInstanceOf(PayloadDecryptError);
  });
});

describe('[C-15] EncryptionCodec in production', () => {
  it('[C-15] refuses an unencrypted payload in production, and reads it elsewhere', async () => {
    const plain = defaultPayloadConverter.toPayload({ approvedBy: 'someone else' });
    const keys = new FixedKeys();
    await expect(new EncryptionCodec(keys, PRODUCTION).decode([plain])).rejects.toBeInstanceOf(PlaintextPayloadError);
    // A refused plaintext is still a decode failure to every caller that maps those (the codec endpoint).
    await expect(new EncryptionCodec(keys, PRODUCTION).decode([plain])).rejects.toBeInstanceOf(PayloadDecryptError);
    const [sealed] = await new EncryptionCodec(keys, PRODUCTION).encode([plain]);
    expect(
      defaultPayloadConverter.fromPayload((await new EncryptionCodec(keys, PRODUCTION).decode([sealed]))[0]),
    ).toEqual({
      approvedBy: 'someone else',
    });
    expect((await new EncryptionCodec(keys, DEV).decode([plain]))[0]).toBe(plain);
  });

  it('[C-15] binds the namespace: a payload sealed for namespace A does not open in B, with the same key', async () => {
    const keys = new FixedKeys();
    const a = new EncryptionCodec(keys, { namespace: 'tenant-a', refusePlaintext: true });
    const b = new EncryptionCodec(keys, { namespace: 'tenant-b', refusePlaintext: true });
    const [sealed] = await a.encode([defaultPayloadConverter.toPayload('for A only')]);
    expect(defaultPayloadConverter.fromPayload((await a.decode([sealed]))[0])).toBe('for A only');
    await expect(b.decode([sealed])).rejects.toBeInstanceOf(PayloadDecryptError);
    // Stripping the envelope marker (to be read as the older, namespace-free format) fails the tag as well.
    const { [ENVELOPE_METADATA]: _marker, ...stripped } = sealed.metadata!;
    await expect(b.decode([{ ...sealed, metadata: stripped }])).rejects.toBeInstanceOf(PayloadDecryptError);
    await expect(a.decode([{ ...sealed, metadata: stripped }])).rejects.toBeInstanceOf(PayloadDecryptError);
  });

  it('[C-15] still opens payloads in the envelope recorded before the namespace was bound (AAD = key id)', async () => {
    const keys = new FixedKeys();
    const { id, key } = keys.current;
    // Version 1 exactly as the codec wrote it before: IV | ciphertext | tag, AAD the key id, no envelope marker.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const inner = payloadToBytes(defaultPayloadConverter.toPayload('recorded last year'));
    const ct = Buffer.concat([cipher.update(inner), cipher.final()]);
    const v1: Payload = {
      metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(id) },
      data: new Uint8Array(Buffer.concat([iv, ct, cipher.getAuthTag()])),
    };
    const [back] = await new EncryptionCodec(keys, PRODUCTION).decode([v1]);
    expect(defaultPayloadConverter.fromPayload(back)).toBe('recorded last year');
    // An unknown envelope version is refused rather than guessed at.
    await expect(
      new EncryptionCodec(keys, PRODUCTION).decode([
        { ...v1, metadata: { ...v1.metadata, [ENVELOPE_METADATA]: Buffer.from('9') } },
      ]),
    ).rejects.toBeInstanceOf(PayloadDecryptError);
  });
});
