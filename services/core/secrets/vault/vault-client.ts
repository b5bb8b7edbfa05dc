import nodeVault from 'node-vault';

/** How to reach Vault or OpenBao; both speak the same HTTP API. */
export interface VaultSettings {
  /** e.g. https://vault.internal:8200 */
  addr: string;
  token: string;
  /** the KV version 2 mount (default `secret`) */
  kvMount?: string;
  /** the Transit mount (default `transit`) */
  transitMount?: string;
  /** the folder under the KV mount that holds Raize's secrets (default `raize`) */
  prefix?: string;
  /** Vault Enterprise / OpenBao namespace */
  namespace?: string;
  /** per request (default 10 s): a hung Vault must fail the call, not hang a worker */
  timeoutMs?: number;
}

export type VaultClient = nodeVault.client;

/**
 * A node-vault client that takes nothing from the environment implicitly. node-vault reads VAULT_PREFIX as a
 * URL path prefix (our VAULT_PREFIX is the KV folder, and would turn every URL into `/v1raize/...`), turns
 * TLS verification off when VAULT_SKIP_VERIFY is set to anything (even "false"), and with DEBUG=node-vault
 * logs every request body, i.e. the secrets themselves. All three are neutralised here.
 */
export function createVaultClient(s: VaultSettings): VaultClient {
  const client = nodeVault({
    endpoint: s.addr.replace(/\/+$/, ''),
    token: s.token,
    namespace: s.namespace,
    debug: () => undefined,
    requestOptions: { strictSSL: true, timeout: s.timeoutMs ?? 10_000 },
  });
  Object.assign(client, { pathPrefix: '', namespace: s.namespace });
  return client;
}
