import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { LocalKeyring } from './local-keyring';
import { resolveMasterKey } from './master-key';
import type { SecretsPort } from './secrets.port';
import { VaultSecrets } from './vault/vault-secrets';

/** The secrets backend chosen by configuration (RAIZE_SECRETS_BACKEND); the local keyring is the default. */
export function createSecrets(
  config: Pick<AppConfig, 'masterKey' | 'dataDir'> & Partial<Pick<AppConfig, 'secretsBackend' | 'vault'>>,
): SecretsPort {
  if (config.secretsBackend === 'vault') {
    const v = config.vault;
    if (!v?.token) throw new ConfigError(['VAULT_TOKEN: required when RAIZE_SECRETS_BACKEND=vault']);
    return new VaultSecrets({
      addr: v.addr,
      token: v.token,
      kvMount: v.kvMount,
      transitMount: v.transitMount,
      prefix: v.prefix,
    });
  }
  const master = resolveMasterKey(config.masterKey, config.dataDir);
  return new LocalKeyring(join(config.dataDir, 'keyring.json'), master);
}
