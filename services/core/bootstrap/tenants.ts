import type { DataSource } from 'typeorm';
import type { Role } from '../database/entities';
import { Agency, Client, ClientPolicySettings, Membership, User } from '../database/entities';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { SecretsPort } from '../secrets/secrets.port';

/**
 * Creating tenants and operators outside the API: the first agency and Admin of a fresh install, the demo
 * and the test factories. Every creation is audited.
 */
export class TenantBootstrap {
  private readonly audit: AuditService;
  /** `secrets`: where the audit chain's key lives; by default the backend the environment configures. */
  constructor(
    private readonly ds: DataSource,
    secrets?: SecretsPort,
  ) {
    this.audit = new AuditService(ds, secrets);
  }

  async createAgency(name: string): Promise<Agency> {
    return this.ds.transaction(async (m) => {
      const a = await m.save(Agency, m.create(Agency, { name }));
      await this.audit.append(
        {
          agencyId: a.id,
          clientId: null,
          actor: 'system:bootstrap',
          action: 'agency.created',
          subjectType: 'agency',
          subjectId: a.id,
        },
        m,
      );
      return a;
    });
  }

  async createUser(email: string, displayName: string): Promise<User> {
    return this.ds.getRepository(User).save({ email: email.toLowerCase(), displayName, passwordHash: null });
  }

  /** Sets an operator's password (argon2id); there is never a default password. */
  async setPassword(userId: string, password: string): Promise<void> {
    await this.ds
      .getRepository(User)
      .update({ id: userId }, { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null });
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: 'system:bootstrap',
      action: 'password.set',
      subjectType: 'user',
      subjectId: userId,
    });
  }

  async grant(userId: string, agencyId: string, role: Role, clientId: string | null = null): Promise<Membership> {
    return this.ds.transaction(async (m) => {
      const row = await m.save(Membership, m.create(Membership, { userId, agencyId, clientId, role }));
      await this.audit.append(
        {
          agencyId,
          clientId,
          actor: 'system:bootstrap',
          action: 'membership.granted',
          subjectType: 'user',
          subjectId: userId,
          data: { role },
        },
        m,
      );
      return row;
    });
  }

  async createClient(
    agencyId: string,
    name: string,
    timezone: string,
    settings: Partial<
      Pick<
        ClientPolicySettings,
        'autonomy' | 'fourEyes' | 'caps' | 'quietHours' | 'latenessCutoffSeconds' | 'cooldownSeconds'
      >
    > = {},
  ): Promise<Client> {
    return this.ds.transaction(async (m) => {
      const c = await m.save(Client, m.create(Client, { agencyId, name, timezone }));
      await m.save(
        ClientPolicySettings,
        m.create(ClientPolicySettings, {
          clientId: c.id,
          agencyId,
          autonomy: settings.autonomy ?? {
            publish: 'assisted',
            reply: 'manual',
            dm: 'manual',
            like: 'manual',
            delete: 'manual',
          },
          fourEyes: settings.fourEyes ?? true,
          caps: settings.caps ?? [{ action: 'publish', scope: 'account', max_per_day: 25 }],
          cooldownSeconds: settings.cooldownSeconds ?? {},
          quietHours: settings.quietHours ?? null,
          latenessCutoffSeconds: settings.latenessCutoffSeconds ?? null,
          enabledPlatforms: [],
          updatedAt: new Date(),
        }),
      );
      await this.audit.append(
        {
          agencyId,
          clientId: c.id,
          actor: 'system:bootstrap',
          action: 'client.created',
          subjectType: 'client',
          subjectId: c.id,
          data: { timezone },
        },
        m,
      );
      return c;
    });
  }
}
