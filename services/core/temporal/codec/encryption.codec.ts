import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import type { CodecKeySource } from './codec-key-source';
import { payloadFromBytes, payloadToBytes } from './payload-proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/**
 * The envelope's version. Absent: version 1, whose AAD is the key id alone (histories recorded before C-15 was
 * closed, still read). '2': the AAD binds the namespace too.
 */
export const ENVELOPE_METADATA = 'encryption-envelope';
const ENVELOPE_V2 = '2';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PayloadDecryptError extends Error {
  constructor(
    keyId: string,
    // The key id only: never a byte of the payload.
    message = `a payload sealed under codec key ${keyId} cannot be decrypted (wrong key or namespace, or tampered payload)`,
  ) {
    super(message);
    this.name = 'PayloadDecryptError';
  }
}

/** An unencrypted payload where production expects only sealed ones: refused, never read (C-15). */
export class PlaintextPayloadError extends PayloadDecryptError {
  constructor() {
    super('(none)', 'an unencrypted payload was refused: in production every payload must be sealed by the codec');
    this.name = 'PlaintextPayloadError';
  }
}

export interface EncryptionCodecOptions {
  /** The Temporal namespace of these payloads: one sealed for another namespace does not open here. */
  namespace: string;
  /**
   * Refuse payloads that arrive unencrypted (production). Outside production they are read as they are: the
   * replay fixtures and histories recorded before the codec hold plain payloads.
   */
  refusePlaintext: boolean;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** What a payload's tag authenticates besides its bytes: the key id (v1), and the namespace (v2). */
function associatedData(version: 1 | 2, namespace: string, keyId: string): Buffer {
  return Buffer.from(version === 1 ? keyId : JSON.stringify(['raize-codec', 2, namespace, keyId]), 'utf8');
}

/**
 * Encrypts every payload with AES-256-GCM before it reaches the Temporal server (C-13): data is
 * IV (12 bytes) | ciphertext | tag (16 bytes) of the whole serialized payload, the AAD binds the namespace and
 * the key id (C-15), and the key id rides in the metadata so payloads sealed before a rotation still open (C-16).
 * Anyone who can write to one namespace's histories therefore cannot replay another namespace's payloads there.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(
    private readonly keys: CodecKeySource,
    private readonly opts: EncryptionCodecOptions,
  ) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    if (payloads.length === 0) return payloads;
    const { id, key } = await this.keys.currentKey();
    const aad = associatedData(2, this.opts.namespace, id);
    return payloads.map((p) => ({
      metadata: {
        [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: utf8(id),
        [ENVELOPE_METADATA]: utf8(ENVELOPE_V2),
      },
      data: seal(key, aad, payloadToBytes(p)),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (p) => {
        if (text(p.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) {
          // Production reads nothing a writer to the Temporal server could have slipped in unencrypted.
          if (this.opts.refusePlaintext) throw new PlaintextPayloadError();
          return p;
        }
        const id = text(p.metadata?.[KEY_ID_METADATA]);
        if (!id) throw new PayloadDecryptError('(none)');
        const envelope = text(p.metadata?.[ENVELOPE_METADATA]);
        // The marker is not authenticated itself, but stripping or changing it changes the AAD: the tag fails.
        if (envelope !== undefined && envelope !== ENVELOPE_V2) throw new PayloadDecryptError(id);
        const aad = associatedData(envelope === ENVELOPE_V2 ? 2 : 1, this.opts.namespace, id);
        return payloadFromBytes(open(await this.keys.keyById(id), id, aad, p.data ?? new Uint8Array()));
      }),
    );
  }
}

function seal(key: Buffer, aad: Buffer, plaintext: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, ct, cipher.getAuthTag()]));
}

function open(key: Buffer, keyId: string, aad: Buffer, sealed: Uint8Array): Uint8Array {
  const box = Buffer.from(sealed);
  if (box.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptError(keyId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
    return new Uint8Array(
      Buffer.concat([decipher.update(box.subarray(IV_BYTES, box.length - TAG_BYTES)), decipher.final()]),
    );
  } catch {
    throw new PayloadDecryptError(keyId);
  }
}
