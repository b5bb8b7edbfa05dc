import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ARTIFACT_URL_KEY_SECRET, ensureArtifactUrlKey } from '../../services/core/artifacts/artifact-url-signer';
import { AuditService } from '../../services/core/audit/audit.service';
import type { AppConfig } from '../../services/core/config/app-config';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createDataSource } from '../../services/core/database/data-source';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { rotateMasterKey } from '../../services/core/secrets/master-key-rotation';
import { readOptionalSecret } from '../../services/core/secrets/secrets.port';
import { retireCodecKey } from '../../services/core/temporal/codec/retire-codec-key';
import {
  CODEC_CURRENT_SECRET,
  rotateCodecKey,
  SecretsCodecKeySource,
} from '../../services/core/temporal/codec/secrets-key-source';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const KEYS_USAGE = `usage: npm run keys -- <verb> [--actor user:<id>]
  rotate-master-key          re-seal the local keyring under a new master key; the old one opens nothing after
  rotate-codec-key           make a new payload codec key current; older keys keep decrypting by id
  retire-codec-key --id <id> delete an old codec key after the retention period (never the current one)
  provision-artifact-url-key create the artifact store's URL signing key if there is none (before a production
                             API first starts; it refuses to start without one)
  check                      prove the configured secrets backend (and its token) can write, read and delete,
                             and that the current codec key opens`;

// Audit actors are ids, never emails (audit.service.ts).
const actorSchema = z
  .string()
  .regex(/^(user:[0-9a-f-]{36}|system:[a-z][a-z0-9-]{0,40})$/, 'user:<uuid> or system:<name>');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * The key runbooks' verbs (docs/runbooks/rotate-*.md), one function so the runbook test runs exactly what
 * `npm run keys -- <verb>` runs. Every rotation and retirement is written to the global audit chain (C-16).
 * Answers an exit code; messages name keys by id, never a key or a secret.
 */
export async function runKeysCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const verb = argv[0];
  const actor = actorSchema.safeParse(option(argv, 'actor') ?? 'system:keys-cli');
  if (!actor.success) {
    io.err(`--actor: ${actor.error.issues[0].message}`);
    return 2;
  }
  let config: AppConfig;
  try {
    config = loadAppConfig(env);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  try {
    switch (verb) {
      case 'rotate-master-key':
        return await withAudit(config, (audit) => masterKey(config, env, { audit, actor: actor.data }, io));
      case 'rotate-codec-key':
        return await withAudit(config, async (audit) => {
          const secrets = createSecrets(config);
          const previous = await readOptionalSecret(secrets, CODEC_CURRENT_SECRET);
          const id = await rotateCodecKey(secrets, { audit: audit(), actor: actor.data });
          io.out(
            `payload codec key ${id} is current (was ${previous?.trim() ?? 'none'}); processes switch within 60 s`,
          );
          return 0;
        });
      case 'retire-codec-key': {
        const id = option(argv, 'id');
        if (!id) break;
        return await withAudit(config, async (audit) => {
          await retireCodecKey(createSecrets(config), id, { audit: audit(), actor: actor.data });
          io.out(`payload codec key ${id} is retired: payloads sealed under it no longer decode`);
          return 0;
        });
      }
      case 'provision-artifact-url-key': {
        const secrets = createSecrets(config);
        const existed = (await readOptionalSecret(secrets, ARTIFACT_URL_KEY_SECRET)) !== undefined;
        await ensureArtifactUrlKey(secrets);
        io.out(existed ? 'the artifact URL signing key exists; nothing changed' : 'artifact URL signing key created');
        return 0;
      }
      case 'check':
        return await check(config, io);
    }
  } catch (err) {
    io.err(`keys ${verb} failed: ${(err as Error).message}`);
    return 1;
  }
  io.err(KEYS_USAGE);
  return 2;
}

/**
 * Runs `fn` with an audit trail on the owner connection. The trail's key and checkpoints live in the same
 * secrets backend as the keys the verb handles, opened when first needed (after a master key rotation, that is
 * with the new key).
 */
async function withAudit(config: AppConfig, fn: (audit: () => AuditService) => Promise<number>) {
  const ds = createDataSource(config.databaseUrl, { poolSize: 1, applicationName: 'raize-keys-cli' });
  await ds.initialize();
  try {
    let audit: AuditService | undefined;
    return await fn(() => (audit ??= new AuditService(ds, createSecrets(config))));
  } finally {
    await ds.destroy();
  }
}

async function masterKey(
  config: AppConfig,
  env: NodeJS.ProcessEnv,
  by: { audit: () => AuditService; actor: string },
  io: CommandIo,
) {
  if (config.secretsBackend === 'vault') {
    io.err('the vault backend has no Raize master key: rotate the Vault token or the Transit key (docs/runbooks/)');
    return 2;
  }
  const r = await rotateMasterKey({
    dataDir: config.dataDir,
    masterKey: config.masterKey,
    previousMasterKey: env.RAIZE_MASTER_KEY_PREVIOUS || undefined,
  });
  await by.audit().append({
    agencyId: null,
    clientId: null,
    actor: by.actor,
    action: 'secrets.master_key_rotated',
    subjectType: 'master_key',
    subjectId: r.keyId,
    data: { previousKeyIds: r.previousKeyIds, entries: r.entries, rewrapped: r.rewrapped, mode: r.mode },
  });
  io.out(
    `keyring re-sealed: ${r.rewrapped} of ${r.entries} entries moved from ${r.previousKeyIds.join(', ') || '-'} to ${r.keyId}`,
  );
  io.out(
    r.mode === 'file'
      ? 'master.key now holds the new key; the old key is gone. Start the services again.'
      : 'the old key opens nothing now: remove RAIZE_MASTER_KEY_PREVIOUS, destroy the old key, start the services.',
  );
  return 0;
}

async function check(config: AppConfig, io: CommandIo) {
  const secrets = createSecrets(config);
  const probe = `ops/check/${randomBytes(6).toString('hex')}`;
  const value = randomBytes(12).toString('hex');
  await secrets.put(probe, value);
  const back = await secrets.get(probe);
  await secrets.delete(probe);
  if (back !== value) throw new Error('the backend answered another value than it was given');
  const current = (await readOptionalSecret(secrets, CODEC_CURRENT_SECRET))?.trim();
  if (current) await new SecretsCodecKeySource(secrets).keyById(current);
  io.out(
    `secrets backend ${secrets.backend}: write, read and delete work; ${current ? `codec key ${current} opens` : 'no codec key yet'}`,
  );
  return 0;
}
