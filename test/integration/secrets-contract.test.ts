import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { CredentialStore } from '../../services/core/secrets/credential-store';
import { LocalKeyring } from '../../services/core/secrets/local-keyring';
import { masterKeyId } from '../../services/core/secrets/master-key';
import {
  TransitCodecKeySource,
  TRANSIT_CODEC_CURRENT_SECRET,
  transitCodecKeySecret,
} from '../../services/core/secrets/vault/transit-key-source';
import type { VaultSettings } from '../../services/core/secrets/vault/vault-client';
import { TransitDecryptError, VaultRequestError } from '../../services/core/secrets/vault/vault-error';
import { InvalidVaultNameError } from '../../services/core/secrets/vault/vault-paths';
import { VaultSecrets } from '../../services/core/secrets/vault/vault-secrets';
import { VaultTransit } from '../../services/core/secrets/vault/vault-transit';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';
import type { RunningBaoDevServer } from '../harness/bao-dev-server';
import { startBaoDevServer } from '../harness/bao-dev-server';
import { describeWithBao } from '../harness/bao-required';
import { raizeVaultPolicy } from '../harness/vault-policy';
import { openDataSource } from '../harness/test-env';
import { seedTenant } from '../factories/tenant.factory';
import { describeCodecKeySourceContract, describeSecretsContract } from '../harness/secrets-contract';

const dir = mkdtempSync(join(tmpdir(), 'raize-secrets-contract-'));
const rand = () => randomBytes(6).toString('hex');
const masterKey = () => {
  const key = randomBytes(32);
  return { id: masterKeyId(key), key };
};
const keyring = () => new LocalKeyring(join(dir, `keyring-${rand()}.json`), masterKey());

describeSecretsContract('local keyring', async () => keyring(), {
  // mkdir under /dev/null fails with ENOTDIR: a backend whose every write fails.
  makeFailing: async () => new LocalKeyring('/dev/null/raize/keyring.json', masterKey()),
});
describeCodecKeySourceContract('secrets port on the local keyring', async () => {
  const ring = keyring();
  return { open: () => new SecretsCodecKeySource(ring) };
});

// Skipped without a binary, except under RAIZE_REQUIRE_BAO=1 (.ci/run), where that fails the run.
describeWithBao('against a real OpenBao/Vault dev server', (bin) => {
  let server: RunningBaoDevServer | undefined;
  const wrongToken = `wrong-${rand()}`;
  const settings = (over: Partial<VaultSettings> = {}): VaultSettings => {
    if (!server) throw new Error('the dev server did not start');
    return { addr: server.addr, token: server.token, prefix: `raize-it-${rand()}`, ...over };
  };
  const raw = async (path: string) => {
    const res = await fetch(`${server!.addr}/v1/${path}`, { headers: { 'X-Vault-Token': server!.token } });
    return { status: res.status, text: await res.text() };
  };
  type KvAnswer = { data: { data?: unknown; current_version?: number } };
  const kvAnswer = (text: string) => JSON.parse(text) as KvAnswer;

  beforeAll(async () => {
    server = await startBaoDevServer({ bin });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeSecretsContract('Vault KV v2', async () => new VaultSecrets(settings()), {
    makeFailing: async () => new VaultSecrets(settings({ token: wrongToken })),
    neverInErrors: () => [server!.token, wrongToken],
  });
  describeCodecKeySourceContract('secrets port on Vault KV v2', async () => {
    const kv = new VaultSecrets(settings());
    return { open: () => new SecretsCodecKeySource(kv) };
  });
  describeCodecKeySourceContract('Vault Transit envelope', async () => {
    const s = settings();
    const wrappingKey = `raize-codec-${rand()}`;
    return {
      open: () => new TransitCodecKeySource({ transit: new VaultTransit(s), kv: new VaultSecrets(s), wrappingKey }),
    };
  });

  it('stores a secret at <mount>/data/<prefix>/<key> as { value }, and delete leaves no version behind', async () => {
    const s = settings();
    const kv = new VaultSecrets(s);
    await kv.put('clients/c1/credentials/k1', 'v1');
    await kv.put('clients/c1/credentials/k1', 'v2');
    const stored = await raw(`secret/data/${s.prefix}/clients/c1/credentials/k1`);
    expect(kvAnswer(stored.text).data.data).toEqual({ value: 'v2' });
    expect(
      kvAnswer((await raw(`secret/metadata/${s.prefix}/clients/c1/credentials/k1`)).text).data.current_version,
    ).toBe(2);
    await kv.delete('clients/c1/credentials/k1');
    expect((await raw(`secret/metadata/${s.prefix}/clients/c1/credentials/k1`)).status).toBe(404);
    expect((await raw(`secret/data/${s.prefix}/clients/c1/credentials/k1?version=1`)).status).toBe(404);
  });

  it('refuses key names that could leave the prefix, and nothing lands outside it', async () => {
    const s = settings();
    const kv = new VaultSecrets(s);
    const outside = `other-app-${rand()}`;
    for (const bad of [`../${outside}/x`, 'a/../../b', '/abs', 'a//b', 'a/', 'a?b=1', 'a#b', 'a b', '']) {
      await expect(kv.put(bad, 'v')).rejects.toBeInstanceOf(InvalidVaultNameError);
      await expect(kv.get(bad)).rejects.toBeInstanceOf(InvalidVaultNameError);
      await expect(kv.delete(bad)).rejects.toBeInstanceOf(InvalidVaultNameError);
    }
    expect((await raw(`secret/data/${outside}/x`)).status).toBe(404);
    expect((await raw(`secret/metadata/${s.prefix}?list=true`)).status).toBe(404);
  });

  it('[C-11] on Vault, a saved platform credential is a reference in the database and its value is in Vault only', async () => {
    const s = settings();
    const ds = await openDataSource();
    try {
      const t = await seedTenant(ds);
      const accessToken = `sbx_at_${rand()}${rand()}`;
      const refreshToken = `sbx_rt_${rand()}${rand()}`;
      const ref = await ds.transaction((m) =>
        new CredentialStore(new VaultSecrets(s)).saveOAuthTokens(
          m,
          { agencyId: t.agencyId, clientId: t.clientId },
          { accessToken, refreshToken },
        ),
      );
      const rows = await ds.query<Record<string, unknown>[]>('SELECT * FROM credential_refs WHERE client_id = $1', [
        t.clientId,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ backend: 'vault', secret_key: ref.secretKey });
      expect(JSON.stringify(rows)).not.toContain(accessToken);
      expect(JSON.stringify(rows)).not.toContain(refreshToken);
      const stored = kvAnswer((await raw(`secret/data/${s.prefix}/${ref.secretKey}`)).text).data.data as {
        value: string;
      };
      expect(JSON.parse(stored.value)).toMatchObject({ accessToken, refreshToken });
    } finally {
      await ds.destroy();
    }
  });

  it('[C-13] reports a server that cannot be reached without the token or the value', async () => {
    const kv = new VaultSecrets(settings({ addr: 'http://127.0.0.1:1', timeoutMs: 2000 }));
    const err = await kv.put('k', 'value-that-must-not-leak').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultRequestError);
    const text = `${(err as Error).message} ${inspect(err, { depth: 10 })}`;
    expect(text).toMatch(/cannot reach the server/);
    expect(text).not.toContain(server!.token);
    expect(text).not.toContain('value-that-must-not-leak');
  });

  it('[C-13] transit: round trip, context bound as associated data, tampering refused', async () => {
    const t = new VaultTransit(settings());
    const name = `it-${rand()}`;
    await t.ensureKey(name);
    await t.ensureKey(name);
    const pt = randomBytes(64);
    const ct = await t.encrypt(name, pt, 'client-1');
    expect(ct).toMatch(/^vault:v1:/);
    expect((await t.decrypt(name, ct, 'client-1')).equals(pt)).toBe(true);
    await expect(t.decrypt(name, ct, 'client-2')).rejects.toBeInstanceOf(TransitDecryptError);
    await expect(t.decrypt(name, ct)).rejects.toBeInstanceOf(TransitDecryptError);
    const body = Buffer.from(ct.slice('vault:v1:'.length), 'base64');
    body[body.length - 1] ^= 1;
    await expect(t.decrypt(name, `vault:v1:${body.toString('base64')}`, 'client-1')).rejects.toBeInstanceOf(
      TransitDecryptError,
    );
    expect((await t.decrypt(name, await t.encrypt(name, Buffer.alloc(0)))).length).toBe(0);
  });

  it('[C-16] transit: rotation adds a version and earlier ciphertexts still decrypt', async () => {
    const t = new VaultTransit(settings());
    const name = `it-${rand()}`;
    await t.ensureKey(name);
    expect(await t.keyVersion(name)).toBe(1);
    const old = await t.encrypt(name, Buffer.from('before rotation'));
    expect(await t.rotate(name)).toBe(2);
    expect(await t.keyVersion(name)).toBe(2);
    expect(await t.encrypt(name, Buffer.from('after'))).toMatch(/^vault:v2:/);
    expect((await t.decrypt(name, old)).toString()).toBe('before rotation');
  });

  it('works with the least-privilege policy of docs/vault.md, which cannot reach outside the prefix', async () => {
    const s = settings();
    const kek = `raize-codec-${rand()}`;
    const policy = raizeVaultPolicy(s.prefix!, kek);
    const put = (path: string, body: unknown) =>
      fetch(`${server!.addr}/v1/${path}`, {
        method: 'POST',
        headers: { 'X-Vault-Token': server!.token },
        body: JSON.stringify(body),
      });
    expect((await put(`sys/policies/acl/${s.prefix}`, { policy })).status).toBe(204);
    const created = (await (
      await put('auth/token/create', { policies: [s.prefix], no_default_policy: true, ttl: '10m' })
    ).json()) as { auth: { client_token: string } };
    const limited = { ...s, token: created.auth.client_token };
    const kv = new VaultSecrets(limited);
    await kv.put('clients/c1/credentials/k', 'v1');
    await kv.put('clients/c1/credentials/k', 'v2');
    expect(await kv.get('clients/c1/credentials/k')).toBe('v2');
    await kv.delete('clients/c1/credentials/k');
    await expect(kv.get('clients/c1/credentials/k')).rejects.toThrow(/no secret stored/);
    const provider = new TransitCodecKeySource({ transit: new VaultTransit(limited), kv, wrappingKey: kek });
    const first = await provider.currentKey();
    await provider.rotate();
    expect(
      (
        await new TransitCodecKeySource({ transit: new VaultTransit(limited), kv, wrappingKey: kek }).keyById(first.id)
      ).equals(first.key),
    ).toBe(true);
    const outside = new VaultSecrets({ ...limited, prefix: `${s.prefix}-other` });
    await expect(outside.put('k', 'v')).rejects.toThrow(/HTTP 403/);
    await expect(new VaultTransit(limited).encrypt(`${kek}-other`, Buffer.from('x'))).rejects.toThrow(/HTTP 403/);
  });

  it('[C-13] envelope: KV holds only Transit-wrapped data keys, and a wrapped key moved to another id does not open', async () => {
    const s = settings();
    const kv = new VaultSecrets(s);
    const wrappingKey = `raize-codec-${rand()}`;
    const provider = new TransitCodecKeySource({ transit: new VaultTransit(s), kv, wrappingKey });
    const { id, key } = await provider.currentKey();
    const entry = await kv.get(transitCodecKeySecret(id));
    expect(entry).toMatch(/"wrapped":"vault:v1:/);
    expect(entry).not.toContain(key.toString('base64'));
    expect(entry).not.toContain(key.toString('hex'));
    const otherId = randomBytes(8).toString('hex');
    await kv.put(transitCodecKeySecret(otherId), entry);
    const fresh = new TransitCodecKeySource({ transit: new VaultTransit(s), kv, wrappingKey });
    await expect(fresh.keyById(otherId)).rejects.toBeInstanceOf(TransitDecryptError);
    expect(await kv.get(TRANSIT_CODEC_CURRENT_SECRET)).toBe(id);
  });
});
