import { z } from 'zod';
import { AuditService } from '../../services/core/audit/audit.service';
import type { AppConfig } from '../../services/core/config/app-config';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createDataSource } from '../../services/core/database/data-source';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import type { CommandIo } from './keys.command';

export const INCIDENT_USAGE = `usage: npm run ops -- <verb> --reason "<why>" [--actor user:<id>]
  disable-operator --user <id>       an operator's account is compromised: disable it, end every session, revoke
                                     every API token (docs/runbooks/compromised-operator-account.md)
  quarantine-account --account <id>  a client's platform token is compromised: quarantine the account (the guard
                                     sends nothing on it) and delete its stored token (compromised-platform-token.md)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const argsSchema = z.object({
  verb: z.enum(['disable-operator', 'quarantine-account'], { error: 'disable-operator or quarantine-account' }),
  id: z.string({ error: 'required (a uuid)' }).regex(UUID, 'must be a uuid'),
  reason: z.string({ error: 'required: say why, in a few words' }).trim().min(3, 'say why, in a few words').max(500),
  actor: z.string().regex(/^(user:[0-9a-f-]{36}|system:[a-z][a-z0-9-]{0,40})$/, 'user:<uuid> or system:<name>'),
});

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * The incident runbooks' verbs, on the owner connection because they act on another operator's sessions and
 * tokens, which no operator's request may touch. Each one is one transaction with its audit event (no partial
 * containment) and answers an exit code.
 */
export async function runIncidentCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const parsed = argsSchema.safeParse({
    verb: argv[0],
    id: option(argv, argv[0] === 'disable-operator' ? 'user' : 'account'),
    reason: option(argv, 'reason'),
    actor: option(argv, 'actor') ?? 'system:ops-cli',
  });
  if (!parsed.success) {
    io.err(parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n'));
    io.err(INCIDENT_USAGE);
    return 2;
  }
  let config: AppConfig;
  try {
    config = loadAppConfig(env);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  const a = parsed.data;
  const ds = createDataSource(config.databaseUrl, { poolSize: 1, applicationName: 'raize-ops-cli' });
  await ds.initialize();
  try {
    const secrets = createSecrets(config);
    const audit = new AuditService(ds, secrets);
    if (a.verb === 'disable-operator') {
      const r = await ds.transaction(async (m) => {
        // Row-level security on operators' own rows is by actor (C-01): act as the operator concerned.
        await m.query(`SELECT set_config('raize.actor_id', $1, true)`, [a.id]);
        const users: unknown[] = await m.query(`UPDATE users SET disabled = true WHERE id = $1 RETURNING id`, [a.id]);
        if (!users.length) return undefined;
        const [, sessions] = (await m.query(
          `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
          [a.id],
        )) as [unknown, number];
        const [, tokens] = (await m.query(
          `UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
          [a.id],
        )) as [unknown, number];
        const data = { reason: a.reason, sessionsRevoked: sessions, tokensRevoked: tokens };
        await audit.append(
          {
            agencyId: null,
            clientId: null,
            actor: a.actor,
            action: 'operator.disabled',
            subjectType: 'user',
            subjectId: a.id,
            data,
          },
          m,
        );
        return data;
      });
      if (!r) throw new Error(`no operator ${a.id}`);
      io.out(`operator ${a.id} disabled: ${r.sessionsRevoked} sessions ended, ${r.tokensRevoked} API tokens revoked`);
      return 0;
    }
    const r = await ds.transaction(async (m) => {
      const [acc] = await m.query<{ agency_id: string; client_id: string; secret_key: string | null }[]>(
        `SELECT a.agency_id, a.client_id, r.secret_key FROM platform_accounts a
           LEFT JOIN credential_refs r ON r.id = a.credential_ref_id WHERE a.id = $1`,
        [a.id],
      );
      if (!acc) return undefined;
      // Tenant tables force row-level security for their owner too (C-01): act in the account's client scope.
      await m.query(`SELECT set_config('raize.agency_ids', $1, true), set_config('raize.client_ids', $2, true)`, [
        `{${acc.agency_id}}`,
        `{${acc.client_id}}`,
      ]);
      await m.query(
        `UPDATE platform_accounts SET status = 'quarantined', status_reason = 'compromised_token', updated_at = now() WHERE id = $1`,
        [a.id],
      );
      await audit.append(
        {
          agencyId: acc.agency_id,
          clientId: acc.client_id,
          actor: a.actor,
          action: 'account.quarantined',
          subjectType: 'platform_account',
          subjectId: a.id,
          data: { reason: a.reason, tokenDeleted: acc.secret_key !== null },
        },
        m,
      );
      // Deleted last, inside the transaction: if the delete fails, the quarantine and its audit roll back with it
      // and the command can run again; the token is useless to anyone once the platform revoked it.
      if (acc.secret_key) await secrets.delete(acc.secret_key);
      return acc;
    });
    if (!r) throw new Error(`no platform account ${a.id}`);
    io.out(`platform account ${a.id} quarantined; its stored token is deleted. Revoke it at the platform too.`);
    return 0;
  } catch (err) {
    io.err(`ops ${a.verb} failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await ds.destroy();
  }
}
