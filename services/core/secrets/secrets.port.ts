/**
 * Where secret values live (C-11). The database only ever stores the reference (`CredentialRef.secretKey`);
 * the value is read at the moment of use and never returned through the API or into workflow state.
 */
export interface SecretsPort {
  readonly backend: 'keyring' | 'vault';
  put(key: string, value: string): Promise<void>;
  /** Throws SecretNotFoundError when nothing is stored under the key. */
  get(key: string): Promise<string>;
  delete(key: string): Promise<void>;
}

export class SecretNotFoundError extends Error {
  constructor(key: string) {
    super(`no secret stored under ${key}`);
    this.name = 'SecretNotFoundError';
  }
}

export class SecretDecryptError extends Error {
  constructor(key: string) {
    super(`the secret under ${key} cannot be decrypted (wrong master key or tampered keyring)`);
    this.name = 'SecretDecryptError';
  }
}

/** The value under `key`, or undefined when nothing is stored there; other failures still throw. */
export async function readOptionalSecret(secrets: SecretsPort, key: string): Promise<string | undefined> {
  try {
    return await secrets.get(key);
  } catch (err) {
    if (err instanceof SecretNotFoundError) return undefined;
    throw err;
  }
}
