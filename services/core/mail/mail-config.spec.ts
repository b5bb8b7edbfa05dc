import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ConfigError } from '../config/config-error';
import { DEV_MAIL_FROM, loadMailConfig } from './mail-config';

const problems = (env: NodeJS.ProcessEnv): string => {
  try {
    loadMailConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.join('\n');
    throw err;
  }
  return '';
};

describe('mail configuration (RAIZE_SMTP_*, RAIZE_MAIL_FROM)', () => {
  it('needs no mail server in development: nothing configured, the development sender', () => {
    const c = loadMailConfig({ RAIZE_ENV: 'development' });
    expect(c.smtp).toBeUndefined();
    expect(c.from).toEqual(DEV_MAIL_FROM);
  });

  it('reads smtp:// with STARTTLS demanded off loopback, and smtps:// as TLS from the start', () => {
    const plain = loadMailConfig({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtp://mail.example.com' });
    expect(plain.smtp).toMatchObject({
      url: 'smtp://mail.example.com:587',
      host: 'mail.example.com',
      port: 587,
      secure: false,
      requireTls: true,
      timeoutMs: 30_000,
    });
    const tls = loadMailConfig({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtps://mail.example.com' });
    expect(tls.smtp).toMatchObject({ port: 465, secure: true, requireTls: false });
    const local = loadMailConfig({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtp://127.0.0.1:4041' });
    expect(local.smtp).toMatchObject({ host: '127.0.0.1', port: 4041, requireTls: false });
    const v6 = loadMailConfig({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtp://[::1]:2525' });
    expect(v6.smtp).toMatchObject({ host: '::1', port: 2525, requireTls: false, url: 'smtp://[::1]:2525' });
  });

  it('reads the sender with or without a name', () => {
    const env = { RAIZE_ENV: 'development' };
    expect(loadMailConfig({ ...env, RAIZE_MAIL_FROM: 'Acme Reviews <reviews@acme.example>' }).from).toEqual({
      name: 'Acme Reviews',
      address: 'reviews@acme.example',
    });
    expect(loadMailConfig({ ...env, RAIZE_MAIL_FROM: '"Acme" <reviews@acme.example>' }).from.name).toBe('Acme');
    expect(loadMailConfig({ ...env, RAIZE_MAIL_FROM: 'reviews@acme.example' }).from).toEqual({
      address: 'reviews@acme.example',
    });
    expect(problems({ ...env, RAIZE_MAIL_FROM: 'Acme <reviews@acme.example>\r\nBcc: x@evil.example' })).toMatch(
      /RAIZE_MAIL_FROM: expected/,
    );
    expect(problems({ ...env, RAIZE_MAIL_FROM: 'not an address' })).toMatch(/RAIZE_MAIL_FROM/);
  });

  it('[C-15] refuses production without a mail server or a sender of its own', () => {
    const p = problems({ RAIZE_ENV: 'production' });
    expect(p).toMatch(/RAIZE_SMTP_URL: required in production/);
    expect(p).toMatch(/RAIZE_MAIL_FROM: required in production/);
    // RAIZE_ENV unset is production too
    expect(problems({})).toMatch(/RAIZE_SMTP_URL: required in production/);
    expect(
      problems({
        RAIZE_ENV: 'production',
        RAIZE_SMTP_URL: 'smtp://mail.example.com',
        RAIZE_MAIL_FROM: 'reviews@agency.example',
      }),
    ).toBe('');
  });

  it('refuses a URL that is not SMTP or that carries credentials, without echoing it', () => {
    expect(problems({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'http://mail.example.com' })).toMatch(
      /RAIZE_SMTP_URL: must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(problems({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'mail.example.com:25' })).toMatch(/RAIZE_SMTP_URL/);
    const p = problems({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtps://me:hunter2-secret@mail.example.com' });
    expect(p).toMatch(/RAIZE_SMTP_URL: must not carry a user name or password/);
    expect(p).not.toContain('hunter2-secret');
    expect(problems({ RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtp://mail.example.com/x?y=1' })).toMatch(
      /no path, query or fragment/,
    );
  });

  it('[C-13] keeps the password out of the configuration’s JSON and inspect output', () => {
    const c = loadMailConfig({
      RAIZE_ENV: 'development',
      RAIZE_SMTP_URL: 'smtps://mail.example.com',
      RAIZE_SMTP_USER: 'raize',
      RAIZE_SMTP_PASSWORD: 'hunter2-secret',
    });
    expect(c.smtp?.auth?.user).toBe('raize');
    expect(c.smtp?.auth?.password).toBe('hunter2-secret');
    expect(JSON.stringify(c)).not.toContain('hunter2-secret');
    expect(inspect(c, { depth: 10 })).not.toContain('hunter2-secret');
  });

  it('reads the password from RAIZE_SMTP_PASSWORD_FILE without its trailing newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raize-mail-'));
    const file = join(dir, 'smtp-password');
    writeFileSync(file, 'from-a-file\n');
    const c = loadMailConfig({
      RAIZE_ENV: 'development',
      RAIZE_SMTP_URL: 'smtps://mail.example.com',
      RAIZE_SMTP_USER: 'raize',
      RAIZE_SMTP_PASSWORD_FILE: file,
    });
    expect(c.smtp?.auth?.password).toBe('from-a-file');
  });

  it('names each credential problem, never a value', () => {
    const base = { RAIZE_ENV: 'development', RAIZE_SMTP_URL: 'smtps://mail.example.com' };
    expect(problems({ ...base, RAIZE_SMTP_USER: 'raize' })).toMatch(/RAIZE_SMTP_PASSWORD: required when/);
    expect(problems({ ...base, RAIZE_SMTP_PASSWORD: 'hunter2-secret' })).toMatch(/RAIZE_SMTP_USER: required when/);
    const both = problems({
      ...base,
      RAIZE_SMTP_USER: 'raize',
      RAIZE_SMTP_PASSWORD: 'hunter2-secret',
      RAIZE_SMTP_PASSWORD_FILE: '/run/secrets/smtp',
    });
    expect(both).toMatch(/set one of them, not both/);
    expect(both).not.toContain('hunter2-secret');
    expect(
      problems({ ...base, RAIZE_SMTP_USER: 'raize', RAIZE_SMTP_PASSWORD_FILE: '/nonexistent/raize-smtp-password' }),
    ).toMatch(/RAIZE_SMTP_PASSWORD_FILE: cannot read the file \(ENOENT\)/);
    expect(
      problems({ RAIZE_ENV: 'development', RAIZE_SMTP_USER: 'raize', RAIZE_SMTP_PASSWORD: 'hunter2-secret' }),
    ).toMatch(/set RAIZE_SMTP_URL too/);
    expect(problems({ ...base, RAIZE_SMTP_TIMEOUT_SECONDS: 'soon' })).toMatch(/RAIZE_SMTP_TIMEOUT_SECONDS/);
  });
});
