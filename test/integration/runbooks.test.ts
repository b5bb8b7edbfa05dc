import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { freePort } from '../../deploy/local/free-port';
import { runIncidentCommand } from '../../deploy/ops/incident.command';
import { runKeysCommand } from '../../deploy/ops/keys.command';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { LocalKeyring } from '../../services/core/secrets/local-keyring';
import type { MasterKey } from '../../services/core/secrets/master-key';
import { masterKeyId, parseMasterKey } from '../../services/core/secrets/master-key';
import { SecretDecryptError, SecretNotFoundError } from '../../services/core/secrets/secrets.port';
import { UnknownCodecKeyError } from '../../services/core/temporal/codec/codec-key-source';
import { EncryptionCodec } from '../../services/core/temporal/codec/encryption.codec';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';
import type { RunningBaoDevServer } from '../harness/bao-dev-server';
import { startBaoDevServer } from '../harness/bao-dev-server';
import { describeWithBao } from '../harness/bao-required';
import { raizeVaultPolicy } from '../harness/vault-policy';
import { connectSandboxAccount } from '../factories/connect-account';
import { userEmail } from '../factories/db-reads';
import { signIn } from '../factories/operator-session';
import { REAL_SESSION_PASSWORD, signedIn, withApiToken } from '../factories/real-actors';
import { restartedApi } from '../factories/restarted-api';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { openDataSource, testEnv } from '../harness/test-env';

// The rotation runbooks of docs/runbooks/ run `npm run keys -- <verb>` (deploy/ops/keys.ts); these tests run
// the same function with the same arguments and environment, then check what the runbook promises: old data
// still opens with the new key, and the old key is retired the way the runbook says.

interface Run {
  code: number;
  out: string;
  err: string;
}

async function keys(argv: string[], env: Record<string, string | undefined>): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCommand(
    argv,
    { RAIZE_ENV: 'test', DATABASE_URL: testEnv().databaseUrl, ...env },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The payload codec as a production process builds it (namespace bound, plaintext refused). */
const CODEC = { namespace: 'raize', refusePlaintext: true };
const hexKey = () => randomBytes(32).toString('hex');
const asKey = (text: string): MasterKey => ({ id: masterKeyId(parseMasterKey(text)), key: parseMasterKey(text) });
const keyIdsIn = (file: string) =>
  new Set(
    Object.values((JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { kid: string }> }).entries).map(
      (b) => b.kid,
    ),
  );

/** A data directory with a keyring holding client credentials and the payload codec's first key. */
async function populatedDataDir(masterKey?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'raize-runbook-'));
  const secrets = createSecrets({ dataDir, masterKey });
  const values = new Map([
    [`clients/${randomUUID()}/credentials/${randomUUID()}`, `{"accessToken":"sbx_at_${hexKey()}"}`],
    [`clients/${randomUUID()}/credentials/${randomUUID()}`, `{"accessToken":"sbx_at_${hexKey()}"}`],
    [`users/${randomUUID()}/totp`, 'JBSWY3DPEHPK3PXP'],
  ]);
  for (const [k, v] of values) await secrets.put(k, v);
  const codec = new EncryptionCodec(new SecretsCodecKeySource(secrets), CODEC);
  const [sealed] = await codec.encode([defaultPayloadConverter.toPayload({ caption: 'sealed before the rotation' })]);
  return { dataDir, values, sealed, keyring: join(dataDir, 'keyring.json') };
}

describe('runbooks: the rotation commands do what the runbooks say (C-16)', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDataSource();
  });
  afterAll(() => ds.destroy());

  const auditOf = (action: string, subjectId: string) =>
    ds.query<{ actor: string; data: Record<string, unknown> }[]>(
      'SELECT actor, data FROM audit_events WHERE action = $1 AND subject_id = $2',
      [action, subjectId],
    );

  it('[C-16] rotate-master-key (file mode): every entry opens under the new master.key, the old key opens nothing and is gone', async () => {
    const d = await populatedDataDir();
    const oldText = readFileSync(join(d.dataDir, 'master.key'), 'utf8');
    const old = asKey(oldText);
    const actor = `user:${randomUUID()}`;
    const run = await keys(['rotate-master-key', '--actor', actor], { RAIZE_DATA_DIR: d.dataDir });
    expect(run).toMatchObject({ code: 0, err: '' });
    const newText = readFileSync(join(d.dataDir, 'master.key'), 'utf8');
    const next = asKey(newText);
    expect(next.id).not.toBe(old.id);
    expect(existsSync(join(d.dataDir, 'master.key.next'))).toBe(false);
    // Old data opens with the new key alone, as a restarted service would open it.
    const after = createSecrets({ dataDir: d.dataDir });
    for (const [k, v] of d.values) expect(await after.get(k)).toBe(v);
    const codec = new EncryptionCodec(new SecretsCodecKeySource(after), CODEC);
    expect(defaultPayloadConverter.fromPayload((await codec.decode([d.sealed]))[0])).toEqual({
      caption: 'sealed before the rotation',
    });
    // Retired: no entry is sealed under the old key any more, and the old key alone opens nothing.
    expect([...keyIdsIn(d.keyring)]).toEqual([next.id]);
    for (const k of d.values.keys())
      await expect(new LocalKeyring(d.keyring, old).get(k)).rejects.toBeInstanceOf(SecretDecryptError);
    expect(readFileSync(d.keyring, 'utf8')).not.toContain(oldText.trim());
    expect(await auditOf('secrets.master_key_rotated', next.id)).toEqual([
      { actor, data: { previousKeyIds: [old.id], entries: 5, rewrapped: 5, mode: 'file' } },
    ]);
  });

  it('[C-16] rotate-master-key (environment mode): RAIZE_MASTER_KEY_PREVIOUS → RAIZE_MASTER_KEY; nothing changes without the old key', async () => {
    const oldHex = hexKey();
    const d = await populatedDataDir(oldHex);
    const newHex = hexKey();
    const before = readFileSync(d.keyring, 'utf8');
    const missing = await keys(['rotate-master-key'], { RAIZE_DATA_DIR: d.dataDir, RAIZE_MASTER_KEY: newHex });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/RAIZE_MASTER_KEY_PREVIOUS: required/);
    const wrong = await keys(['rotate-master-key'], {
      RAIZE_DATA_DIR: d.dataDir,
      RAIZE_MASTER_KEY: newHex,
      RAIZE_MASTER_KEY_PREVIOUS: hexKey(),
    });
    expect(wrong.code).toBe(1);
    expect(readFileSync(d.keyring, 'utf8')).toBe(before);
    for (const r of [missing, wrong]) expect(`${r.out}${r.err}`).not.toMatch(new RegExp(`${oldHex}|${newHex}`));
    const run = await keys(['rotate-master-key'], {
      RAIZE_DATA_DIR: d.dataDir,
      RAIZE_MASTER_KEY: newHex,
      RAIZE_MASTER_KEY_PREVIOUS: oldHex,
    });
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(`${run.out}`).not.toMatch(new RegExp(`${oldHex}|${newHex}`));
    const after = createSecrets({ dataDir: d.dataDir, masterKey: newHex });
    for (const [k, v] of d.values) expect(await after.get(k)).toBe(v);
    for (const k of d.values.keys())
      await expect(createSecrets({ dataDir: d.dataDir, masterKey: oldHex }).get(k)).rejects.toBeInstanceOf(
        SecretDecryptError,
      );
    expect([...keyIdsIn(d.keyring)]).toEqual([asKey(newHex).id]);
    expect(await auditOf('secrets.master_key_rotated', asKey(newHex).id)).toHaveLength(1);
  });

  it('[C-16] rotate-codec-key then retire-codec-key: old payloads decode after the rotation; the current key is never retired; a retired key decodes nothing', async () => {
    const d = await populatedDataDir();
    const env = { RAIZE_DATA_DIR: d.dataDir };
    const secrets = createSecrets({ dataDir: d.dataDir });
    const key1 = (await new SecretsCodecKeySource(secrets).currentKey()).id;
    const actor = `user:${randomUUID()}`;
    const rotated = await keys(['rotate-codec-key', '--actor', actor], env);
    expect(rotated.code).toBe(0);
    const fresh = () => new EncryptionCodec(new SecretsCodecKeySource(createSecrets({ dataDir: d.dataDir })), CODEC);
    const key2 = (await new SecretsCodecKeySource(secrets).currentKey()).id;
    expect(key2).not.toBe(key1);
    expect(rotated.out).toContain(`payload codec key ${key2} is current (was ${key1})`);
    expect(await auditOf('codec.key_rotated', key2)).toEqual([{ actor, data: { previousKeyId: key1 } }]);
    // Old payloads still open by their key id; new ones are sealed under key 2.
    const [newer] = await fresh().encode([defaultPayloadConverter.toPayload('sealed after the rotation')]);
    expect(Buffer.from(newer.metadata!['encryption-key-id']!).toString()).toBe(key2);
    expect(defaultPayloadConverter.fromPayload((await fresh().decode([d.sealed]))[0])).toEqual({
      caption: 'sealed before the rotation',
    });
    const current = await keys(['retire-codec-key', '--id', key2, '--actor', actor], env);
    expect(current.code).toBe(1);
    expect(current.err).toMatch(/is the current key/);
    expect(defaultPayloadConverter.fromPayload((await fresh().decode([newer]))[0])).toBe('sealed after the rotation');
    const retired = await keys(['retire-codec-key', '--id', key1, '--actor', actor], env);
    expect(retired.code).toBe(0);
    await expect(fresh().decode([d.sealed])).rejects.toBeInstanceOf(UnknownCodecKeyError);
    expect(defaultPayloadConverter.fromPayload((await fresh().decode([newer]))[0])).toBe('sealed after the rotation');
    expect(await auditOf('codec.key_retired', key1)).toEqual([{ actor, data: {} }]);
  });

  it('[C-16] check proves the configured backend works before a restart, and fails loudly when it does not', async () => {
    const d = await populatedDataDir();
    const ok = await keys(['check'], { RAIZE_DATA_DIR: d.dataDir });
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/secrets backend keyring: write, read and delete work; codec key [0-9a-f]{16} opens/);
    const wrongKey = await keys(['check'], { RAIZE_DATA_DIR: d.dataDir, RAIZE_MASTER_KEY: hexKey() });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/cannot be decrypted/);
  });
});

describeWithBao('runbooks: rotating the Vault token (docs/runbooks/rotate-vault-token.md)', (bin) => {
  let server: RunningBaoDevServer | undefined;
  const home = mkdtempSync(join(tmpdir(), 'raize-runbook-vault-home-'));
  beforeAll(async () => {
    server = await startBaoDevServer({ bin });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** The `vault` CLI as the runbook runs it (VAULT_ADDR and an operator's token in the environment). */
  const vault = (args: string[], input?: string) => {
    const r = spawnSync(bin, args, {
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: home, VAULT_ADDR: server!.addr, VAULT_TOKEN: server!.token },
    });
    if (r.status !== 0) throw new Error(`vault ${args[0]} ${args[1]} failed: ${r.stderr}`);
    return r.stdout;
  };
  const newToken = (policy: string) =>
    (
      JSON.parse(
        vault(['token', 'create', `-policy=${policy}`, '-ttl=768h', '-orphan', '-display-name=raize', '-format=json']),
      ) as { auth: { client_token: string; accessor: string } }
    ).auth;

  it('[C-16] a new token with the policy reads what the old one wrote; the revoked old token is refused and never printed', async () => {
    const prefix = `raize-rb-${randomBytes(4).toString('hex')}`;
    const kek = `raize-codec-${randomBytes(4).toString('hex')}`;
    vault(['policy', 'write', prefix, '-'], raizeVaultPolicy(prefix, kek));
    const env = (token: string) => ({
      RAIZE_SECRETS_BACKEND: 'vault',
      VAULT_ADDR: server!.addr,
      VAULT_TOKEN: token,
      VAULT_PREFIX: prefix,
    });
    const old = newToken(prefix);
    const written = await keys(['rotate-codec-key'], env(old.client_token));
    expect(written.code).toBe(0);
    const codecKeyId = /payload codec key ([0-9a-f]{16}) is current/.exec(written.out)![1];
    // The runbook: create the new token, check it, switch the services to it, revoke the old one by accessor.
    const next = newToken(prefix);
    const checked = await keys(['check'], env(next.client_token));
    expect(checked).toMatchObject({ code: 0, err: '' });
    expect(checked.out).toContain(`secrets backend vault: write, read and delete work; codec key ${codecKeyId} opens`);
    vault(['token', 'revoke', '-accessor', old.accessor]);
    const refused = await keys(['check'], env(old.client_token));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/HTTP 403/);
    expect(`${refused.out}${refused.err}${checked.out}`).not.toContain(old.client_token);
    expect(`${refused.out}${refused.err}${checked.out}`).not.toContain(next.client_token);
    expect((await keys(['check'], env(next.client_token))).code).toBe(0);
  });
});

describe('runbooks on a running stack: incident containment, platform app secret rotation', () => {
  const OLD_SECRET = `sbx_cs_old_${randomBytes(12).toString('hex')}`;
  const NEW_SECRET = `sbx_cs_new_${randomBytes(12).toString('hex')}`;
  let stack: TestStack;
  let restartedPort: number;
  let restarted: Awaited<ReturnType<typeof restartedApi>> | undefined;
  let redirectUris: string[];
  beforeAll(async () => {
    restartedPort = await freePort();
    stack = await startTestStack({ env: { SANDBOX_OAUTH_CLIENT_SECRET: OLD_SECRET } });
    redirectUris = [stack.apiUrl, `http://127.0.0.1:${restartedPort}`].map((u) => `${u}/oauth/sandbox/callback`);
    // Before the rotation: the platform knows the API as a confidential client with the old secret.
    await stack.sandboxAdmin.registerOAuthClient({ clientId: 'raize-test', clientSecret: OLD_SECRET, redirectUris });
  });
  afterAll(async () => {
    await restarted?.close();
    await stack.close();
  });

  const accessTokenOf = async (accountId: string) => {
    const [{ secret_key: key }] = await stack.ds.query<{ secret_key: string }[]>(
      'SELECT r.secret_key FROM platform_accounts a JOIN credential_refs r ON r.id = a.credential_ref_id WHERE a.id = $1',
      [accountId],
    );
    const secrets = createSecrets({ dataDir: stack.dataDir, masterKey: process.env.RAIZE_MASTER_KEY });
    return (JSON.parse(await secrets.get(key)) as { accessToken: string }).accessToken;
  };

  const ops = async (argv: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runIncidentCommand(
      argv,
      { RAIZE_ENV: 'test', DATABASE_URL: testEnv().databaseUrl, RAIZE_DATA_DIR: stack.dataDir },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const whoami = '{ whoami { id } }';

  it('[C-06] [C-09] disable-operator: the sessions and API tokens stop at once, sign-in is refused, and the audit query shows what the operator did', async () => {
    const t = await seedTenant(stack.ds);
    const session = await signedIn(stack, t.users.author);
    const token = await withApiToken(stack, session, ['publish']);
    const done = await token.call('mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }', {
      i: { clientId: t.clientId, text: 'posted by whoever holds the token' },
    });
    expect(done.errors).toBeUndefined();
    expect((await session.call(whoami)).data).toEqual({ whoami: { id: t.users.author } });
    const refused = await ops(['disable-operator', '--user', t.users.author, '--reason', 'x']);
    expect(refused.code).toBe(2);
    const run = await ops([
      'disable-operator',
      '--user',
      t.users.author,
      '--reason',
      'phished password',
      '--actor',
      `user:${t.users.admin}`,
    ]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/1 sessions ended, 1 API tokens revoked/);
    for (const actor of [session, token])
      expect((await actor.call(whoami)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await signIn(stack, await userEmail(stack.ds, t.users.author), REAL_SESSION_PASSWORD);
    expect(again.body.errors).toBeDefined();
    // The runbook's audit query: everything the operator did, in every chain.
    const trail = await stack.ds.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE actor = $1 ORDER BY created_at, seq`,
      [`user:${t.users.author}`],
    );
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['api_token.created', 'asset.created']));
    const [disabled] = await stack.ds.query<{ actor: string; data: Record<string, unknown> }[]>(
      `SELECT actor, data FROM audit_events WHERE action = 'operator.disabled' AND subject_id = $1`,
      [t.users.author],
    );
    expect(disabled).toEqual({
      actor: `user:${t.users.admin}`,
      data: { reason: 'phished password', sessionsRevoked: 1, tokensRevoked: 1 },
    });
  });

  it("quarantine-account: the account is quarantined with an audit event in its client's chain, and its stored token is gone", async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const [{ secret_key: key }] = await stack.ds.query<{ secret_key: string }[]>(
      'SELECT r.secret_key FROM platform_accounts a JOIN credential_refs r ON r.id = a.credential_ref_id WHERE a.id = $1',
      [acc.accountId],
    );
    const secrets = createSecrets({ dataDir: stack.dataDir, masterKey: process.env.RAIZE_MASTER_KEY });
    await expect(secrets.get(key)).resolves.toContain('accessToken');
    const run = await ops(['quarantine-account', '--account', acc.accountId, '--reason', 'token leaked in a ticket']);
    expect(run).toMatchObject({ code: 0, err: '' });
    const listed = await stack.gql<{ platformAccounts: { id: string; status: string }[] }>(
      t.users.admin,
      'query($c: ID!) { platformAccounts(clientId: $c) { id status } }',
      { c: t.clientId },
    );
    expect(listed.data?.platformAccounts).toEqual([{ id: acc.accountId, status: 'quarantined' }]);
    await expect(secrets.get(key)).rejects.toBeInstanceOf(SecretNotFoundError);
    const events = await stack.ds.query<{ chain_key: string; data: Record<string, unknown> }[]>(
      `SELECT chain_key, data FROM audit_events WHERE action = 'account.quarantined' AND subject_id = $1`,
      [acc.accountId],
    );
    expect(events).toEqual([
      { chain_key: `client:${t.clientId}`, data: { reason: 'token leaked in a ticket', tokenDeleted: true } },
    ]);
  });

  it('[C-16] the platform takes the new secret and refuses the old one; the restarted API connects; earlier accounts keep working', async () => {
    const t = await seedTenant(stack.ds);
    const before = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    // Step 1: the new secret at the platform (for the sandbox, its admin API; the runbook's curl).
    await stack.sandboxAdmin.registerOAuthClient({ clientId: 'raize-test', clientSecret: NEW_SECRET, redirectUris });
    // The old secret is retired at once: an API still holding it cannot finish a connect.
    await expect(connectSandboxAccount(stack, t.users.admin, t.clientId)).rejects.toThrow(/callback failed/);
    // Step 2: SANDBOX_OAUTH_CLIENT_SECRET set to the new secret, API restarted.
    restarted = await restartedApi(stack, restartedPort, { SANDBOX_OAUTH_CLIENT_SECRET: NEW_SECRET });
    const after = await connectSandboxAccount(restarted.stack, t.users.admin, t.clientId);
    expect(after.accountId).not.toBe(before.accountId);
    // Tokens issued before the rotation are not tied to the app secret: the earlier account keeps working.
    const me = await fetch(`${stack.sandbox.url}/me`, {
      headers: { authorization: `Bearer ${await accessTokenOf(before.accountId)}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(before.sandboxUserId);
    const dump = JSON.stringify(await stack.ds.query('SELECT * FROM platform_accounts, credential_refs'));
    expect(dump).not.toContain(OLD_SECRET);
    expect(dump).not.toContain(NEW_SECRET);
  });
});
