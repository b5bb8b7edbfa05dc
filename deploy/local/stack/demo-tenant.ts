import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { AuditService } from '../../../services/core/audit/audit.service';
import { PlatformStaffBootstrap } from '../../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import type { Role } from '../../../services/core/database/entities';
import { Agency, Client, ClientPolicySettings, Membership, User } from '../../../services/core/database/entities';

export const DEMO = {
  agency: 'Demo Agency',
  client: 'Demo Client',
  timezone: 'Europe/Berlin',
  author: { email: 'demo.author@raize.local', name: 'Demo Author', role: 'Publisher' as Role },
  approver: { email: 'demo.approver@raize.local', name: 'Demo Approver', role: 'Manager' as Role },
  /** the browser lane's side effects need two different Admins (C-42) */
  adminA: { email: 'demo.admin@raize.local', name: 'Demo Admin', role: 'Admin' as Role },
  adminB: { email: 'demo.admin2@raize.local', name: 'Demo Second Admin', role: 'Admin' as Role },
  /** platform staff, no agency role: Temporal Web decodes payloads for this sign-in only (C-14) */
  engineer: { email: 'demo.engineer@raize.local', name: 'Demo Platform Engineer' },
};

/**
 * The demo client's autonomy: posts need a human approval; answers to ordinary questions go out by themselves and
 * spam is hidden by itself (sensitive comments always go to a human, whatever this says: C-28); DMs, likes and
 * deletes wait for a human.
 */
const DEMO_AUTONOMY = {
  publish: 'assisted',
  reply: 'autonomous',
  hide: 'autonomous',
  dm: 'manual',
  like: 'manual',
  delete: 'manual',
} as const;

export interface DemoTenant {
  /** generated for this run (never a default), kept in <dataDir>/demo-operators.json so you can sign in */
  passwords: { author: string; approver: string; engineer: string; adminA: string; adminB: string };
  agencyId: string;
  clientId: string;
  authorId: string;
  approverId: string;
  /** what this run had to create ("agency", "client", ...); empty when everything was there */
  created: string[];
  /** the client's policy differs from the demo's (someone changed it since): restore through the API */
  policyDrift: boolean;
}

/**
 * The demo's agency, client and two operators, found by name or created once (every creation audited by
 * TenantBootstrap), so running the demo again adds posts to the same client instead of new tenants.
 */
export async function seedDemoTenant(ds: DataSource, dataDir: string): Promise<DemoTenant> {
  const b = new TenantBootstrap(ds);
  const created: string[] = [];
  let agency = await ds.getRepository(Agency).findOne({ where: { name: DEMO.agency }, order: { createdAt: 'ASC' } });
  if (!agency) {
    agency = await b.createAgency(DEMO.agency);
    created.push('agency');
  }
  let client = await ds
    .getRepository(Client)
    .findOne({ where: { agencyId: agency.id, name: DEMO.client }, order: { createdAt: 'ASC' } });
  if (!client) {
    client = await b.createClient(agency.id, DEMO.client, DEMO.timezone, {
      autonomy: DEMO_AUTONOMY,
      fourEyes: true,
    });
    created.push(`client (${DEMO.timezone}, publish assisted, four eyes on)`);
  }
  const operator = async (who: typeof DEMO.author): Promise<string> => {
    let user = await ds.getRepository(User).findOne({ where: { email: who.email } });
    if (!user) {
      user = await b.createUser(who.email, who.name);
      created.push(who.name);
    }
    const membership = await ds
      .getRepository(Membership)
      .findOne({ where: { userId: user.id, agencyId: agency.id, clientId: IsNull() } });
    if (!membership) {
      await b.grant(user.id, agency.id, who.role);
      created.push(`${who.name} as ${who.role}`);
    } else if (membership.role !== who.role) {
      throw new Error(
        `${who.email} is ${membership.role} on "${DEMO.agency}", the demo needs ${who.role}; fix the membership or use a fresh RAIZE_DATA_DIR and database`,
      );
    }
    return user.id;
  };
  const authorId = await operator(DEMO.author);
  const approverId = await operator(DEMO.approver);
  const adminAId = await operator(DEMO.adminA);
  const adminBId = await operator(DEMO.adminB);
  let engineer = await ds.getRepository(User).findOne({ where: { email: DEMO.engineer.email } });
  if (!engineer) {
    engineer = await b.createUser(DEMO.engineer.email, DEMO.engineer.name);
    created.push(DEMO.engineer.name);
  }
  if ((await new PlatformStaffBootstrap(ds).grant(DEMO.engineer.email, 'system:demo')).granted)
    created.push(`${DEMO.engineer.name} as platform staff`);
  // Fresh random passwords every run: the demo signs in for real, and there is no default password.
  const passwords = {
    author: randomBytes(12).toString('base64url'),
    approver: randomBytes(12).toString('base64url'),
    engineer: randomBytes(12).toString('base64url'),
    adminA: randomBytes(12).toString('base64url'),
    adminB: randomBytes(12).toString('base64url'),
  };
  await b.setPassword(authorId, passwords.author);
  await b.setPassword(approverId, passwords.approver);
  await b.setPassword(engineer.id, passwords.engineer);
  await b.setPassword(adminAId, passwords.adminA);
  await b.setPassword(adminBId, passwords.adminB);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(dataDir, 'demo-operators.json'),
    JSON.stringify(
      {
        author: { email: DEMO.author.email, password: passwords.author },
        approver: { email: DEMO.approver.email, password: passwords.approver },
        engineer: { email: DEMO.engineer.email, password: passwords.engineer },
        admin: { email: DEMO.adminA.email, password: passwords.adminA },
        secondAdmin: { email: DEMO.adminB.email, password: passwords.adminB },
      },
      null,
      2,
    ) + '\n',
    { mode: 0o600 },
  );
  const settings = await ds.getRepository(ClientPolicySettings).findOne({ where: { clientId: client.id } });
  const policyDrift =
    !settings ||
    settings.autonomy.publish !== 'assisted' ||
    settings.autonomy.reply !== DEMO_AUTONOMY.reply ||
    !settings.fourEyes ||
    settings.quietHours !== null ||
    Object.keys(settings.approvalStages ?? {}).length > 0;
  if (policyDrift) {
    // Someone changed the demo client's policy since: the demo restores its own settings (audited).
    await ds.getRepository(ClientPolicySettings).update(
      { clientId: client.id },
      {
        autonomy: DEMO_AUTONOMY,
        fourEyes: true,
        quietHours: null,
        // A demo stopped in its client review step left the client stage on: the first episodes need none.
        approvalStages: {},
        updatedAt: new Date(),
      },
    );
    await new AuditService(ds).append({
      agencyId: agency.id,
      clientId: client.id,
      actor: 'system:demo',
      action: 'policy.updated',
      subjectType: 'client',
      subjectId: client.id,
      data: { restored: 'demo defaults' },
    });
  }
  return { passwords, agencyId: agency.id, clientId: client.id, authorId, approverId, created, policyDrift };
}
