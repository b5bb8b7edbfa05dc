import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../../services/core/audit/audit.service';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { BrowserProfileService } from '../../../services/core/browser/browser-profile.service';
import { RunnerRepository } from '../../../services/core/browser/runner.repository';
import type { StorageState } from '../../../services/core/browser/storage-state.schema';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { LocalKeyring } from '../../../services/core/secrets/local-keyring';
import { masterKeyId, type MasterKey } from '../../../services/core/secrets/master-key';
import { actorAccess, clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { seedTenant, type SeededTenant } from '../../factories/tenant.factory';
import { openDataSource, testEnv } from '../../harness/test-env';

/**
 * Real parts for the browser lane's core: Postgres as owner and as the app role (RLS), a keyring of its own in a temp
 * directory under a master key the test knows (C-40 reads its file), the audit trail, the profile service and runners.
 */
export interface BrowserWorld {
  owner: DataSource;
  app: DataSource;
  keyringFile: string;
  masterKey: MasterKey;
  secrets: LocalKeyring;
  audit: AuditService;
  profiles: BrowserProfileService;
  runners: RunnerRepository;
  close(): Promise<void>;
}

export async function openBrowserWorld(): Promise<BrowserWorld> {
  const owner = await openDataSource();
  const app = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
    env: 'test',
    poolSize: 6,
    applicationName: 'raize-test-browser-core',
  });
  const keyringFile = join(mkdtempSync(join(tmpdir(), 'raize-browser-core-')), 'keyring.json');
  const key = randomBytes(32);
  const masterKey = { id: masterKeyId(key), key };
  const secrets = new LocalKeyring(keyringFile, masterKey);
  const audit = new AuditService(app, secrets);
  return {
    owner,
    app,
    keyringFile,
    masterKey,
    secrets,
    audit,
    profiles: new BrowserProfileService({ ds: app, secrets, audit }),
    runners: new RunnerRepository(app),
    async close() {
      await app.destroy();
      await owner.destroy();
    },
  };
}

/** A tenant with a second agency Admin (C-42 needs two) and one account on `platform`. */
export interface BrowserTenant extends SeededTenant {
  admin2: string;
  accountId: string;
}

export async function seedBrowserTenant(w: BrowserWorld, platform = 'sandbox'): Promise<BrowserTenant> {
  const t = await seedTenant(w.owner);
  const b = new TenantBootstrap(w.owner);
  const tag = randomUUID().slice(0, 8);
  const admin2 = (await b.createUser(`admin2-${tag}@example.test`, `Second admin ${tag}`)).id;
  await b.grant(admin2, t.agencyId, 'Admin');
  return { ...t, admin2, accountId: await addAccount(w, t, platform) };
}

export async function addAccount(
  w: BrowserWorld,
  t: { agencyId: string; clientId: string },
  platform = 'sandbox',
): Promise<string> {
  const rows: { id: string }[] = await w.owner.query(
    `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
     VALUES ($1, $2, $3, $4, '@brand_probe', 'fp') RETURNING id`,
    [t.agencyId, t.clientId, platform, `ext-${randomUUID()}`],
  );
  return rows[0].id;
}

/** Runs `fn` as an operator would: in the tenant scope of their memberships. */
export async function asOperator<T>(w: BrowserWorld, userId: string, fn: () => Promise<T>): Promise<T> {
  return runInTenantScope(w.app, (await actorAccess(w.app, userId)).scope, fn);
}

/** Runs `fn` as the runner does: in the client's background scope. */
export async function asRunner<T>(w: BrowserWorld, clientId: string, fn: () => Promise<T>): Promise<T> {
  return runInTenantScope(w.app, await clientScope(w.app, clientId), fn);
}

/** A signed-in session whose cookie and local storage carry `secret`. */
export function sessionWith(secret: string): StorageState {
  return {
    cookies: [
      {
        name: 'sessionid',
        value: secret,
        domain: '.sandbox.test',
        path: '/',
        expires: Math.floor(Date.now() / 1000) + 86_400,
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
      },
    ],
    origins: [{ origin: 'https://sandbox.test', localStorage: [{ name: 'auth', value: `ls-${secret}` }] }],
  };
}

export async function auditActions(
  w: BrowserWorld,
  clientId: string,
  prefix = 'browser.',
): Promise<{ action: string; actor: string; data: Record<string, unknown> }[]> {
  return w.owner.query(
    `SELECT action, actor, data FROM audit_events WHERE client_id = $1 AND action LIKE $2 ORDER BY seq`,
    [clientId, `${prefix}%`],
  );
}
