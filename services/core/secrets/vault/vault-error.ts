/**
 * A failed call to Vault/OpenBao. It carries the operation, the (non-secret) name it concerned, the HTTP
 * status and Vault's own reason, never the value, the plaintext or the token (C-13).
 */
export class VaultRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly target: string,
    readonly status: number | undefined,
    reason: string,
  ) {
    super(`vault ${operation} of ${target} failed: ${status ? `HTTP ${status} ` : ''}${reason}`);
    this.name = 'VaultRequestError';
  }
}

/** A Transit ciphertext that does not open: wrong key, wrong context, or tampered. */
export class TransitDecryptError extends Error {
  constructor(keyName: string) {
    super(`a ciphertext cannot be decrypted with transit key ${keyName} (wrong key or context, or tampered)`);
    this.name = 'TransitDecryptError';
  }
}

interface ApiResponseLike {
  response?: { statusCode?: number; body?: { errors?: unknown[] } };
  code?: string;
}

/** The HTTP status of a node-vault failure, when the server answered at all. */
export function vaultStatus(err: unknown): number | undefined {
  const s = (err as ApiResponseLike | undefined)?.response?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/**
 * Turns a node-vault/axios failure into a VaultRequestError. The original error is deliberately not kept as
 * `cause`: axios errors hold the request config, whose headers carry X-Vault-Token and whose body carries
 * the secret being written; one `console.log(err)` would print both.
 */
export function toVaultError(
  operation: string,
  target: string,
  err: unknown,
  neverShow: Array<string | undefined>,
): VaultRequestError {
  const e = err as ApiResponseLike | undefined;
  const status = vaultStatus(err);
  let reason: string;
  const first = e?.response?.body?.errors?.[0];
  if (typeof first === 'string' && first.trim()) reason = first.replace(/\s+/g, ' ').trim();
  else if (status) reason = 'no reason given';
  else if (typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code)) reason = `cannot reach the server (${e.code})`;
  else reason = 'the request failed before reaching the server';
  return new VaultRequestError(operation, target, status, redact(reason, neverShow).slice(0, 300));
}

function redact(text: string, neverShow: Array<string | undefined>): string {
  let out = text;
  // Vault does not echo values or tokens today; this keeps it that way if a server or proxy ever does.
  for (const s of neverShow) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
