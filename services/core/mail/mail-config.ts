import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RaizeEnv } from '../config/app-config';
import { raizeEnv } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { isMailAddress } from './mail-message';

/** The sender outside production when RAIZE_MAIL_FROM is unset; production must name its own (C-15). */
export const DEV_MAIL_FROM = { name: 'Raize (development)', address: 'noreply@raize.local' } as const;

export interface MailSender {
  name?: string;
  address: string;
}

/** The user and password the server wants. The password is not enumerable: it stays out of JSON and inspect. */
export interface SmtpCredentials {
  user: string;
  readonly password: string;
}

export interface SmtpSettings {
  /** `smtp://host:port` or `smtps://host:port` as configured, never with credentials: safe to show */
  url: string;
  host: string;
  port: number;
  /** smtps: TLS from the first byte (port 465 by default) */
  secure: boolean;
  /**
   * smtp: STARTTLS is demanded, and a server that offers none is refused, unless the server is on loopback (the mail
   * catcher, a local relay): credentials and mail never cross a network in clear.
   */
  requireTls: boolean;
  auth?: SmtpCredentials;
  /** per wait: connecting, the greeting, each reply */
  timeoutMs: number;
}

export interface MailConfig {
  env: RaizeEnv;
  from: MailSender;
  /** absent when RAIZE_SMTP_URL is unset, which only development and tests allow: nothing can then be sent */
  smtp?: SmtpSettings;
}

const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const optional = z.preprocess(unsetIfEmpty, z.string().optional());

const envSchema = z.object({
  RAIZE_SMTP_URL: optional,
  RAIZE_SMTP_USER: optional,
  RAIZE_SMTP_PASSWORD: optional,
  RAIZE_SMTP_PASSWORD_FILE: optional,
  RAIZE_MAIL_FROM: optional,
  // Short by default: nodemailer waits two minutes to connect and ten for a reply, longer than an activity should.
  RAIZE_SMTP_TIMEOUT_SECONDS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(600).default(30)),
});

/**
 * The mail settings, read once at the edge (docs/mail.md). Every problem names its variable, never a value: the
 * URL is not echoed either, as a mistaken one may hold a password. In production (RAIZE_ENV unset or production)
 * a process without RAIZE_SMTP_URL or RAIZE_MAIL_FROM refuses to start.
 */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const mode = raizeEnv(env);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  if (mode === 'production' && !e.RAIZE_SMTP_URL)
    problems.push('RAIZE_SMTP_URL: required in production (smtp://host:587 with STARTTLS, or smtps://host:465)');
  if (mode === 'production' && !e.RAIZE_MAIL_FROM)
    problems.push('RAIZE_MAIL_FROM: required in production (e.g. "Agency name <reviews@agency.example>")');
  const from = e.RAIZE_MAIL_FROM ? parseSender(e.RAIZE_MAIL_FROM, problems) : { ...DEV_MAIL_FROM };
  const server = e.RAIZE_SMTP_URL ? parseSmtpUrl(e.RAIZE_SMTP_URL, problems) : undefined;
  const auth = credentials(e, problems);
  if (auth && !server) problems.push('RAIZE_SMTP_USER: set RAIZE_SMTP_URL too, or leave the credentials unset');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: mode,
    from,
    smtp: server && {
      ...server,
      auth,
      timeoutMs: e.RAIZE_SMTP_TIMEOUT_SECONDS * 1000,
    },
  };
}

function parseSmtpUrl(raw: string, problems: string[]): Omit<SmtpSettings, 'auth' | 'timeoutMs'> | undefined {
  const bad = (why: string) => {
    problems.push(`RAIZE_SMTP_URL: ${why}`);
    return undefined;
  };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return bad('not a URL; expected smtp://host:port or smtps://host:port');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') return bad('must start with smtp:// or smtps://');
  if (u.username || u.password)
    return bad('must not carry a user name or password; set RAIZE_SMTP_USER and RAIZE_SMTP_PASSWORD(_FILE)');
  if (!u.hostname) return bad('names no host');
  if ((u.pathname && u.pathname !== '/') || u.search || u.hash) return bad('takes no path, query or fragment');
  const secure = u.protocol === 'smtps:';
  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    url: `${u.protocol}//${u.hostname}:${port}`,
    host,
    port,
    secure,
    requireTls: !secure && !isLoopback(host),
  };
}

function credentials(e: z.infer<typeof envSchema>, problems: string[]): SmtpCredentials | undefined {
  if (e.RAIZE_SMTP_PASSWORD && e.RAIZE_SMTP_PASSWORD_FILE) {
    problems.push('RAIZE_SMTP_PASSWORD and RAIZE_SMTP_PASSWORD_FILE: set one of them, not both');
    return undefined;
  }
  let password = e.RAIZE_SMTP_PASSWORD;
  if (e.RAIZE_SMTP_PASSWORD_FILE) {
    try {
      // A mounted secret file (Docker, Kubernetes) usually ends with a newline that is not part of the password.
      password = readFileSync(e.RAIZE_SMTP_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      problems.push(
        `RAIZE_SMTP_PASSWORD_FILE: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      return undefined;
    }
    if (!password) problems.push('RAIZE_SMTP_PASSWORD_FILE: the file is empty');
  }
  if (!e.RAIZE_SMTP_USER && !password) return undefined;
  if (!e.RAIZE_SMTP_USER) {
    problems.push('RAIZE_SMTP_USER: required when a password is set');
    return undefined;
  }
  if (!password) {
    problems.push('RAIZE_SMTP_PASSWORD: required when RAIZE_SMTP_USER is set (or RAIZE_SMTP_PASSWORD_FILE)');
    return undefined;
  }
  const auth = { user: e.RAIZE_SMTP_USER } as SmtpCredentials;
  Object.defineProperty(auth, 'password', { value: password, enumerable: false });
  return auth;
}

const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/** `Name <address>` or `address`; the name may be quoted. */
function parseSender(raw: string, problems: string[]): MailSender {
  const m = /^\s*(?:(.*?)\s*<([^<>]*)>|([^<>\s]+))\s*$/.exec(raw);
  const name = m?.[1]?.replace(/^"(.*)"$/, '$1').trim();
  const address = (m?.[2] ?? m?.[3] ?? '').trim();
  if (!m || CONTROL.test(raw) || !isMailAddress(address) || (name !== undefined && /["<>]/.test(name))) {
    problems.push('RAIZE_MAIL_FROM: expected "Name <address@example.com>" or address@example.com');
    return { ...DEV_MAIL_FROM };
  }
  return name ? { name, address } : { address };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
