import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../services/core/audit/audit.service';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import type { CapSetting } from '../../services/core/database/entities';
import { CredentialStore } from '../../services/core/secrets/credential-store';
import type { SecretsPort } from '../../services/core/secrets/secrets.port';
import type { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import { connectSandboxAccount } from '../episodes/seed-publishing';

export interface ScaleClient {
  id: string;
  agencyId: string;
  /** assisted: every post waits for an approval (the approvals queue); autonomous: it waits for its slot */
  autonomy: 'assisted' | 'autonomous';
  accountIds: string[];
}

export interface ScaleAgency {
  agencyId: string;
  operator: { email: string; password: string };
  clients: ScaleClient[];
}

/** The product's default daily cap (TenantBootstrap), stated so the burst is measured against a known one. */
export const ACCOUNT_DAILY_CAP = 25;
const CAPS: CapSetting[] = [{ action: 'publish', scope: 'account', max_per_day: ACCOUNT_DAILY_CAP }];

/** Every tenth client (the second, when there are fewer than ten) publishes only with an approval. */
export function autonomyOf(index: number): ScaleClient['autonomy'] {
  return index % 10 === 1 ? 'assisted' : 'autonomous';
}

/**
 * One agency the size the issue names: `accounts` sandbox accounts, `perClient` to a client, each connected as the
 * connect flow leaves it; one operator (Publisher of the agency) signs in with a fresh random password.
 */
export async function seedScaleAgency(
  ds: DataSource,
  sandbox: SandboxAdminClient,
  secrets: SecretsPort,
  o: { tag: string; accounts: number; perClient: number; progress: (m: string) => void },
): Promise<ScaleAgency> {
  const boot = new TenantBootstrap(ds, secrets);
  const agency = await boot.createAgency(`Scale agency ${o.tag}`);
  const email = `scale.operator.${o.tag}@example.test`;
  const password = randomBytes(18).toString('base64url');
  const operator = await boot.createUser(email, `Scale operator ${o.tag}`);
  await boot.setPassword(operator.id, password);
  await boot.grant(operator.id, agency.id, 'Publisher');

  const deps = { ds, sandbox, credentials: new CredentialStore(secrets), audit: new AuditService(ds, secrets) };
  const clients: ScaleClient[] = [];
  const clientCount = Math.ceil(o.accounts / o.perClient);
  for (let c = 0; c < clientCount; c++) {
    const autonomy = autonomyOf(c);
    const client = await boot.createClient(agency.id, `Scale client ${c}`, 'UTC', {
      autonomy: { publish: autonomy },
      fourEyes: false,
      caps: CAPS,
    });
    const accountIds: string[] = [];
    for (let a = 0; a < o.perClient && c * o.perClient + a < o.accounts; a++) {
      const account = await connectSandboxAccount(deps, client, {
        username: `scale_${o.tag}_${c}_${a}`,
        displayName: `Scale brand ${c}.${a}`,
        // The bench outlives a day at 100k posts: no token may need a refresh while it runs.
        tokenSeconds: 30 * 86_400,
      });
      accountIds.push(account.id);
    }
    clients.push({ id: client.id, agencyId: agency.id, autonomy, accountIds });
    if ((c + 1) % 10 === 0 || c === clientCount - 1)
      o.progress(
        `seeded ${c + 1}/${clientCount} clients, ${clients.reduce((n, x) => n + x.accountIds.length, 0)} accounts`,
      );
  }
  return { agencyId: agency.id, operator: { email, password }, clients };
}
