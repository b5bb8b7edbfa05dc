import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { raizeEnv } from '../core/config/app-config';
import { ConfigError } from '../core/config/config-error';
import { repoRoot } from '../core/util/repo-root';
import type { MailCatcherOptions } from './mail-catcher.server';
import { MAIL_CATCHER_DEFAULTS } from './mail-catcher.server';

/** The stack's fixed ports (deploy/local/stack/local-stack.ts sets RAIZE_SMTP_URL to the SMTP one). */
export const MAIL_CATCHER_PORTS = { http: 4040, smtp: 4041 } as const;

const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));

const schema = z.object({
  RAIZE_MAILCATCHER_SMTP_PORT: int(0, 65535, MAIL_CATCHER_PORTS.smtp),
  RAIZE_MAILCATCHER_HTTP_PORT: int(0, 65535, MAIL_CATCHER_PORTS.http),
  RAIZE_MAILCATCHER_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  RAIZE_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  RAIZE_MAILCATCHER_MAX_MESSAGES: int(1, 100_000, MAIL_CATCHER_DEFAULTS.maxMessages),
  RAIZE_MAILCATCHER_MAX_BYTES: int(1024, 100 * 1024 * 1024, MAIL_CATCHER_DEFAULTS.maxMessageBytes),
});

/**
 * The catcher process's settings. It keeps every mail it is sent and delivers none, so in production mode (RAIZE_ENV
 * unset or production, or NODE_ENV=production) it refuses to start (C-15): a production installation that pointed
 * RAIZE_SMTP_URL at it would silently lose every review link and report.
 */
export function loadMailCatcherConfig(env: NodeJS.ProcessEnv = process.env): Required<MailCatcherOptions> {
  if (raizeEnv(env) === 'production' || env.NODE_ENV === 'production')
    throw new ConfigError([
      'RAIZE_ENV: the mail catcher is a development tool and refuses to start in production mode (set RAIZE_ENV=development)',
    ]);
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const dir = e.RAIZE_MAILCATCHER_DIR ?? join(e.RAIZE_DATA_DIR ?? join(repoRoot(), '.raize'), 'mail');
  return {
    smtpPort: e.RAIZE_MAILCATCHER_SMTP_PORT,
    httpPort: e.RAIZE_MAILCATCHER_HTTP_PORT,
    dir: isAbsolute(dir) ? dir : resolve(dir),
    maxMessages: e.RAIZE_MAILCATCHER_MAX_MESSAGES,
    maxMessageBytes: e.RAIZE_MAILCATCHER_MAX_BYTES,
  };
}
