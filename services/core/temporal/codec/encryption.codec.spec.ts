import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import type { CodecKey, CodecKeySource } from './codec-key-source';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA, PayloadDecryptError } from './encryption.codec';

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

const meta = (p: Payload, k: string) => Buffer.from(p.metadata![k]!).toString('utf8');
const SECRET = 'caption: launch day; token tok_live_123; ops@example.test';

describe('EncryptionCodec', () => {
  it('round-trips payloads, hides their bytes, and uses a fresh IV each time', async () => {
    const keys = new FixedKeys();
    const codec = new EncryptionCodec(keys);
    const plain = defaultPayloadConverter.toPayload({ text: SECRET });
    const [a, b] = await codec.encode([plain, plain]);
    expect(meta(a, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(meta(a, KEY_ID_METADATA)).toBe('00000000000000a1');
    expect(Object.keys(a.metadata!).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
    expect(Buffer.from(a.data!).toString('latin1')).not.toContain('tok_live_123');
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
    const [back] = await codec.decode([a]);
    expect(defaultPayloadConverter.fromPayload(back)).toEqual({ text: SECRET });
    expect(meta(back, 'encoding')).toBe('json/plain');
  });

  it('passes through payloads it did not encode (histories recorded before the codec)', async () => {
    const plain = defaultPayloadConverter.toPayload({ a: 1 });
    const [out] = await new EncryptionCodec(new FixedKeys()).decode([plain]);
    expect(out).toBe(plain);
  });

  it('[C-16] decodes by key id after the current key changed', async () => {
    const keys = new FixedKeys();
    const codec = new EncryptionCodec(keys);
    const [old] = await codec.encode([defaultPayloadConverter.toPayload('before')]);
    keys.current = keys.add('00000000000000b2');
    const [fresh] = await codec.encode([defaultPayloadConverter.toPayload('after')]);
    expect(meta(fresh, KEY_ID_METADATA)).toBe('00000000000000b2');
    const decoded = await codec.decode([old, fresh]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(['before', 'after']);
  });

  it('refuses tampered data, a relabelled key id and a wrong key', async () => {
    const keys = new FixedKeys();
    const codec = new EncryptionCodec(keys);
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
