import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedBox {
  /** key id, so old ciphertexts stay readable after a rotation (C-16) */
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

/** AES-256-GCM with a fresh 96-bit IV per message; `aad` binds the ciphertext to its slot. */
export function seal(key: Buffer, kid: string, plaintext: string, aad: string): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

const TAG_BYTES = 16;

/** Throws when the key is wrong, the tag is short, or any byte of the box or its aad changed. */
export function open(key: Buffer, box: SealedBox, aad: string): string {
  const tag = Buffer.from(box.tag, 'base64');
  // Node accepts a GCM tag as short as 4 bytes unless told otherwise: a truncated tag would make forging a box a
  // matter of 2^32 tries, so only the full 16 bytes open one (C-15).
  if (tag.length !== TAG_BYTES) throw new Error(`the box's authentication tag is not ${TAG_BYTES} bytes`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]).toString('utf8');
}
