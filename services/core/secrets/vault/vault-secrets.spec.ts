import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { loadAppConfig } from '../../config/app-config';
import { ConfigError } from '../../config/config-error';
import { createSecrets } from '../create-secrets';
import { SecretNotFoundError } from '../secrets.port';
import { VaultRequestError } from './vault-error';
import { InvalidVaultNameError, vaultPath } from './vault-paths';
import { VaultSecrets } from './vault-secrets';

interface Seen {
  method: string;
  url: string;
  token: string | undefined;
  body: string;
}

/** A stand-in Vault that records requests and answers with `reply`; the real server is in test/integration. */
async function fakeVault(
  reply: (req: Seen) => { status: number; body?: unknown },
): Promise<{ addr: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const s = {
        method: req.method ?? '',
        url: req.url ?? '',
        token: req.headers['x-vault-token'] as string | undefined,
        body,
      };
      seen.push(s);
      const r = reply(s);
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(r.body === undefined ? '' : JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { addr: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('VaultSecrets (against a stand-in server)', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('speaks KV v2 at <mount>/data/<prefix>/<key>, deletes metadata, and ignores node-vault env quirks', async () => {
    const saved = { VAULT_PREFIX: process.env.VAULT_PREFIX, DEBUG: process.env.DEBUG };
    // node-vault would read VAULT_PREFIX as a URL prefix; ours is the KV folder.
    process.env.VAULT_PREFIX = 'raize';
    try {
      const v = await fakeVault((r) =>
        r.method === 'GET' ? { status: 200, body: { data: { data: { value: 'tok' } } } } : { status: 204 },
      );
      servers.push(v.server);
      const kv = new VaultSecrets({ addr: v.addr, token: 't0ken-abc', kvMount: 'kv', prefix: 'apps/raize' });
      await kv.put('clients/c1/credentials/x', 'tok');
      expect(await kv.get('clients/c1/credentials/x')).toBe('tok');
      await kv.delete('clients/c1/credentials/x');
      expect(v.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
        'POST /v1/kv/data/apps/raize/clients/c1/credentials/x',
        'GET /v1/kv/data/apps/raize/clients/c1/credentials/x',
        'DELETE /v1/kv/metadata/apps/raize/clients/c1/credentials/x',
      ]);
      expect(JSON.parse(v.seen[0].body)).toEqual({ data: { value: 'tok' } });
      expect(v.seen.every((s) => s.token === 't0ken-abc')).toBe(true);
    } finally {
      for (const [k, val] of Object.entries(saved))
        if (val === undefined) delete process.env[k];
        else process.env[k] = val;
    }
  });

  it('maps 404 to SecretNotFoundError and treats deleting a missing key as done', async () => {
    const v = await fakeVault(() => ({ status: 404, body: { errors: [] } }));
    servers.push(v.server);
    const kv = new VaultSecrets({ addr: v.addr, token: 't' });
    await expect(kv.get('nope')).rejects.toBeInstanceOf(SecretNotFoundError);
    await expect(kv.delete('nope')).resolves.toBeUndefined();
  });

  it('[C-13] keeps the value and the token out of errors, even when the server echoes them', async () => {
    const v = await fakeVault((r) => ({ status: 500, body: { errors: [`cannot store ${r.body} for ${r.token}`] } }));
    servers.push(v.server);
    const kv = new VaultSecrets({ addr: v.addr, token: 'tok-SECRET-1234' });
    const err = await kv.put('k', 'VALUE-SECRET-5678').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultRequestError);
    const text = `${(err as Error).message}\n${(err as Error).stack}\n${inspect(err, { depth: 10, showHidden: true })}`;
    expect(text).toMatch(/vault write of secret k failed: HTTP 500/);
    expect(text).not.toContain('VALUE-SECRET-5678');
    expect(text).not.toContain('tok-SECRET-1234');
  });
});

describe('vault names', () => {
  it('accepts the names Raize uses and encodes nothing surprising', () => {
    expect(vaultPath('k', 'clients/4f1c/credentials/0b7e-11')).toBe('clients/4f1c/credentials/0b7e-11');
    expect(vaultPath('k', 'codec/keys/0123456789abcdef')).toBe('codec/keys/0123456789abcdef');
  });

  it.each([
    '',
    '/x',
    '../x',
    'a/../b',
    'a/..',
    'a//b',
    'a/',
    '.hidden/../x',
    'a?b',
    'a#b',
    'a%2Fb',
    'a b',
    'a\nb',
    'x'.repeat(513),
  ])('[C-11] refuses %j', (bad) => {
    expect(() => vaultPath('secret key', bad)).toThrow(InvalidVaultNameError);
  });
});

describe('secrets backend configuration', () => {
  const prod = {
    RAIZE_ENV: 'production',
    DATABASE_URL: 'postgres://o@h/db',
    DATABASE_APP_URL: 'postgres://a@h/db',
    RAIZE_MASTER_KEY: 'a'.repeat(64),
  };

  it('defaults to the keyring and ignores VAULT_* from the shell', () => {
    const c = loadAppConfig({ RAIZE_ENV: 'development', VAULT_ADDR: 'not a url', VAULT_PREFIX: '../x' });
    expect(c.secretsBackend).toBe('keyring');
    expect(c.vault).toBeUndefined();
  });

  it('reads the Vault settings with their defaults', () => {
    const c = loadAppConfig({ RAIZE_ENV: 'development', RAIZE_SECRETS_BACKEND: 'vault', VAULT_TOKEN: 'dev-token' });
    expect(c.vault).toEqual({
      addr: 'http://127.0.0.1:8200',
      token: 'dev-token',
      kvMount: 'secret',
      transitMount: 'transit',
      prefix: 'raize',
    });
    expect(createSecrets({ ...c, dataDir: '/nonexistent' }).backend).toBe('vault');
  });

  it('[C-15] refuses production with the vault backend and no VAULT_TOKEN, naming it', () => {
    let err: unknown;
    try {
      loadAppConfig({ ...prod, RAIZE_SECRETS_BACKEND: 'vault', VAULT_ADDR: 'https://vault.internal:8200' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      'VAULT_TOKEN: required in production when RAIZE_SECRETS_BACKEND=vault',
    ]);
    expect(
      loadAppConfig({ ...prod, RAIZE_SECRETS_BACKEND: 'vault', VAULT_ADDR: 'https://v:8200', VAULT_TOKEN: 'hvs.x' })
        .vault?.addr,
    ).toBe('https://v:8200');
  });

  it('names bad Vault settings without echoing the token', () => {
    expect(() =>
      loadAppConfig({
        RAIZE_SECRETS_BACKEND: 'vault',
        VAULT_ADDR: 'nope',
        VAULT_PREFIX: '../x',
        VAULT_TOKEN: 'hvs.SECRET',
      }),
    ).toThrow(/VAULT_ADDR[\s\S]*VAULT_PREFIX/);
    expect(() =>
      createSecrets({
        dataDir: '/nonexistent',
        secretsBackend: 'vault',
        vault: { addr: 'http://x', kvMount: 'secret', transitMount: 'transit', prefix: 'raize' },
      }),
    ).toThrow(/VAULT_TOKEN/);
  });
});
