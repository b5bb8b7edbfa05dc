import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import type { CodecKeySource } from './codec-key-source';
import { payloadFromBytes, payloadToBytes } from './payload-proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PayloadDecryptError extends Error {
  constructor(keyId: string) {
    // The key id only: never a byte of the payload.
    super(`a payload sealed under codec key ${keyId} cannot be decrypted (wrong key or tampered payload)`);
    this.name = 'PayloadDecryptError';
  }
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/**
 * Encrypts every payload with AES-256-GCM before it reaches the Temporal server (C-13): data is
 * IV (12 bytes) | ciphertext | tag (16 bytes) of the whole serialized payload, the AAD is the key id, and
 * the key id rides in the metadata so payloads sealed before a rotation still open (C-16).
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: CodecKeySource) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    if (payloads.length === 0) return payloads;
    const { id, key } = await this.keys.currentKey();
    return payloads.map((p) => ({
      metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(id) },
      data: seal(key, id, payloadToBytes(p)),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (p) => {
        // Histories recorded before the codec (and the replay fixtures) hold plain payloads: read them as they are.
        if (text(p.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return p;
        const id = text(p.metadata?.[KEY_ID_METADATA]);
        if (!id) throw new PayloadDecryptError('(none)');
        return payloadFromBytes(open(await this.keys.keyById(id), id, p.data ?? new Uint8Array()));
      }),
    );
  }
}

function seal(key: Buffer, keyId: string, plaintext: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, ct, cipher.getAuthTag()]));
}

function open(key: Buffer, keyId: string, sealed: Uint8Array): Uint8Array {
  const box = Buffer.from(sealed);
  if (box.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptError(keyId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
    return new Uint8Array(
      Buffer.concat([decipher.update(box.subarray(IV_BYTES, box.length - TAG_BYTES)), decipher.final()]),
    );
  } catch {
    throw new PayloadDecryptError(keyId);
  }
}
