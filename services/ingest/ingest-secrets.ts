import { ConfigError } from '../core/config/config-error';
import type { SecretsPort } from '../core/secrets/secrets.port';
import { readOptionalSecret } from '../core/secrets/secrets.port';
import type { IngestConfig, IngestSource } from './ingest-config';

/**
 * The webhook secrets, as keys ready for HMAC. Each holds several values while a secret rotates: a delivery signed
 * with any of them verifies, so the platform's switch-over loses nothing. Never logged, never in an answer.
 */
export interface IngestSecrets {
  sandbox: Buffer[];
  metaAppSecrets: Buffer[];
  metaVerifyToken: Buffer | null;
  standard: Buffer[];
}

/**
 * Where each comes from: the variable when it is set (development, tests, a deployment that injects secrets as
 * environment), else the secrets backend (keyring or Vault) under the key. Several values are separated by spaces.
 */
export const INGEST_SECRET_SOURCES = {
  sandbox: { env: 'RAIZE_INGEST_SANDBOX_SECRET', key: 'ingest/sandbox-webhook-secret' },
  metaAppSecret: { env: 'RAIZE_INGEST_META_APP_SECRET', key: 'ingest/meta-app-secret' },
  metaVerifyToken: { env: 'RAIZE_INGEST_META_VERIFY_TOKEN', key: 'ingest/meta-verify-token' },
  standard: { env: 'RAIZE_INGEST_STANDARD_SECRET', key: 'ingest/standard-webhooks-secret' },
} as const;

type SecretName = keyof typeof INGEST_SECRET_SOURCES;

async function values(name: SecretName, env: NodeJS.ProcessEnv, secrets: SecretsPort | null): Promise<string[]> {
  const src = INGEST_SECRET_SOURCES[name];
  const raw = env[src.env] || (secrets ? await readOptionalSecret(secrets, src.key) : undefined) || '';
  return raw.split(/\s+/).filter(Boolean);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A Standard Webhooks secret: `whsec_` and the key in base64 (the prefix is optional, as the reference libraries say). */
export function standardWebhooksKey(secret: string): Buffer | null {
  const b64 = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!b64 || !BASE64.test(b64)) return null;
  const key = Buffer.from(b64, 'base64');
  return key.length >= 16 ? key : null;
}

/** Reads every secret once at start-up. In production an enabled source without its secret refuses to start (C-31). */
export async function loadIngestSecrets(
  config: Pick<IngestConfig, 'sources'> & { app: { env: string } },
  env: NodeJS.ProcessEnv,
  secrets: SecretsPort | null,
): Promise<IngestSecrets> {
  const problems: string[] = [];
  const sandbox = (await values('sandbox', env, secrets)).map((s) => Buffer.from(s, 'utf8'));
  const meta = (await values('metaAppSecret', env, secrets)).map((s) => Buffer.from(s, 'utf8'));
  const verify = (await values('metaVerifyToken', env, secrets))[0];
  const standard: Buffer[] = [];
  for (const s of await values('standard', env, secrets)) {
    const key = standardWebhooksKey(s);
    if (key) standard.push(key);
    else
      problems.push(
        `${INGEST_SECRET_SOURCES.standard.env} / ${INGEST_SECRET_SOURCES.standard.key}: a secret is not whsec_ and base64 of at least 16 bytes`,
      );
  }
  if (config.app.env === 'production') {
    const missing: Record<IngestSource, SecretName[]> = {
      sandbox: sandbox.length ? [] : ['sandbox'],
      meta: [...(meta.length ? [] : ['metaAppSecret' as const]), ...(verify ? [] : ['metaVerifyToken' as const])],
      standard: standard.length ? [] : ['standard'],
    };
    for (const source of config.sources)
      for (const name of missing[source])
        problems.push(
          `${INGEST_SECRET_SOURCES[name].env} (or secret ${INGEST_SECRET_SOURCES[name].key}): required in production for the ${source} endpoint; or leave it out of RAIZE_INGEST_SOURCES`,
        );
  }
  if (problems.length) throw new ConfigError(problems);
  return { sandbox, metaAppSecrets: meta, metaVerifyToken: verify ? Buffer.from(verify, 'utf8') : null, standard };
}
