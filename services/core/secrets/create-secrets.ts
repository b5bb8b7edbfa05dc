import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { LocalKeyring } from './local-keyring';
import { resolveMasterKey } from './master-key';
import { SecretsPort } from './secrets.port';

/** The secrets backend chosen by configuration; the local keyring is the default (Vault comes later). */
export function createSecrets(config: Pick<AppConfig, 'masterKey' | 'dataDir'>): SecretsPort {
  const master = resolveMasterKey(config.masterKey, config.dataDir);
  return new LocalKeyring(join(config.dataDir, 'keyring.json'), master);
}
