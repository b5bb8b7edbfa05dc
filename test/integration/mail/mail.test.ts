import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { ConfigError } from '../../../services/core/config/config-error';
import { createMailer } from '../../../services/core/mail/create-mailer';
import { loadMailConfig } from '../../../services/core/mail/mail-config';
import { MailError } from '../../../services/core/mail/mail.errors';
import type { MailMessage, MailPort } from '../../../services/core/mail/mail.port';
import { SmtpMailer } from '../../../services/core/mail/smtp.mailer';
import { addLogSink } from '../../../services/core/telemetry/logger';
import { MailCatcherClient } from '../../../services/mailcatcher/mail-catcher.client';
import type { RunningMailCatcher } from '../../../services/mailcatcher/mail-catcher.server';
import { startMailCatcher } from '../../../services/mailcatcher/mail-catcher.server';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A small valid PDF whose content stream holds every byte value: any 7-bit or charset damage on the way shows. */
function tinyPdf(): Buffer {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  const add = (b: Buffer) => parts.push(b);
  const size = () => parts.reduce((n, p) => n + p.length, 0);
  const obj = (n: number, body: Buffer | string) => {
    offsets[n] = size();
    add(Buffer.from(`${n} 0 obj\n`));
    add(typeof body === 'string' ? Buffer.from(body) : body);
    add(Buffer.from('\nendobj\n'));
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>');
  obj(4, Buffer.concat([Buffer.from(`<< /Length ${all.length} >>\nstream\n`), all, Buffer.from('\nendstream')]));
  const xref = size();
  const rows = [1, 2, 3, 4].map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`).join('');
  add(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${rows}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

const mailerFor = (catcher: RunningMailCatcher, extra: NodeJS.ProcessEnv = {}): MailPort =>
  createMailer(
    loadMailConfig({
      RAIZE_ENV: 'test',
      RAIZE_SMTP_URL: catcher.smtpUrl,
      RAIZE_MAIL_FROM: 'Raize Tests <tests@raize.local>',
      RAIZE_SMTP_TIMEOUT_SECONDS: '5',
      ...extra,
    }),
  );

const failureOf = async (p: Promise<unknown>): Promise<MailError> => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(MailError);
    return err as MailError;
  }
  throw new Error('the mail was sent');
};

describe('mail: SMTP mailer into the mail catcher', () => {
  let catcher: RunningMailCatcher;
  let client: MailCatcherClient;
  let mailer: MailPort;
  const dir = mkdtempSync(join(tmpdir(), 'raize-mailcatcher-'));

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, dir });
    client = new MailCatcherClient(catcher.url);
    mailer = mailerFor(catcher);
  });
  afterAll(() => catcher?.close());
  beforeEach(() => client.clear());

  it('delivers text, HTML and a PDF whose bytes arrive intact, read back over the catcher’s HTTP API', async () => {
    const pdf = tinyPdf();
    const sent = await mailer.send({
      to: ['reviewer@client.example', 'second@client.example'],
      subject: 'Your March report — Demo Client',
      text: 'Hello,\nthe report is attached.\nCode: 493 117',
      html: '<p>Hello,</p><p>the report is <b>attached</b>.</p>',
      attachments: [{ filename: 'report-2026-03.pdf', contentType: 'application/pdf', content: pdf }],
    });
    expect(sent.messageId).toMatch(/^<.+@.+>$/);

    const [summary] = await client.list();
    expect(summary).toMatchObject({
      to: ['reviewer@client.example', 'second@client.example'],
      from: 'tests@raize.local',
      subject: 'Your March report — Demo Client',
    });
    const m = await client.get(summary!.id);
    expect(m.messageId).toBe(sent.messageId);
    expect(m.text.trim()).toBe('Hello,\nthe report is attached.\nCode: 493 117');
    expect(m.html).toBe('<p>Hello,</p><p>the report is <b>attached</b>.</p>');
    expect(m.attachments).toEqual([
      { n: 0, filename: 'report-2026-03.pdf', contentType: 'application/pdf', size: pdf.length },
    ]);
    const a = await client.attachment(m.id, 0);
    expect(a.contentType).toBe('application/pdf');
    expect(sha256(a.content)).toBe(sha256(pdf));
  });

  it('lists newest first, keeps messages across a restart, and deletes them all', async () => {
    for (const n of [1, 2, 3]) await mailer.send({ to: ['a@client.example'], subject: `mail ${n}`, text: String(n) });
    expect((await client.list()).map((m) => m.subject)).toEqual(['mail 3', 'mail 2', 'mail 1']);

    await catcher.close();
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, dir });
    client = new MailCatcherClient(catcher.url);
    mailer = mailerFor(catcher);
    expect((await client.list()).map((m) => m.subject)).toEqual(['mail 3', 'mail 2', 'mail 1']);

    expect(await client.clear()).toBe(3);
    expect(await client.list()).toEqual([]);
  });

  it('refuses header injection in a recipient or the subject before connecting', async () => {
    const base: MailMessage = { to: ['reviewer@client.example'], subject: 'Review', text: 'x' };
    const viaTo = await failureOf(
      mailer.send({ ...base, to: ['reviewer@client.example\r\nBcc: victim@else.example'] }),
    );
    expect(viaTo.failure).toBe('invalid_message');
    expect(viaTo.message).toMatch(/to\[0\]: must not contain line breaks/);
    const viaSubject = await failureOf(mailer.send({ ...base, subject: 'Review\r\nBcc: victim@else.example' }));
    expect(viaSubject.message).toMatch(/subject: must not contain line breaks/);
    const viaList = await failureOf(mailer.send({ ...base, to: ['reviewer@client.example, victim@else.example'] }));
    expect(viaList.message).toMatch(/to\[0\]: not a mail address/);
    expect(await client.list()).toEqual([]);
  });

  it('is bounded: a message over the size limit gets 552, and only the newest messages are kept', async () => {
    const small = await startMailCatcher({
      dir: mkdtempSync(join(tmpdir(), 'raize-mailcatcher-small-')),
      maxMessageBytes: 64 * 1024,
      maxMessages: 2,
    });
    try {
      const m = mailerFor(small);
      const big = Buffer.alloc(100 * 1024, 7);
      const err = await failureOf(
        m.send({
          to: ['a@client.example'],
          subject: 'too big',
          text: 'x',
          attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', content: big }],
        }),
      );
      expect(err).toMatchObject({ failure: 'message_refused', details: { responseCode: 552 } });
      for (const n of [1, 2, 3]) await m.send({ to: ['a@client.example'], subject: `mail ${n}`, text: String(n) });
      expect((await new MailCatcherClient(small.url).list()).map((x) => x.subject)).toEqual(['mail 3', 'mail 2']);
    } finally {
      await small.close();
    }
  });

  it('refuses to send in clear where STARTTLS is demanded (smtp:// off loopback) and the server offers none', async () => {
    const strict = new SmtpMailer({
      smtp: {
        url: catcher.smtpUrl,
        host: '127.0.0.1',
        port: catcher.smtpPort,
        secure: false,
        requireTls: true,
        timeoutMs: 5_000,
      },
      from: { address: 'tests@raize.local' },
    });
    const err = await failureOf(strict.send({ to: ['reviewer@client.example'], subject: 'Review', text: 'x' }));
    expect(err.failure).toBe('tls_failed');
    expect(await client.list()).toEqual([]);
  });

  it('answers only requests addressed to this machine by name (DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: catcher.httpPort, path: '/messages', headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await status(`127.0.0.1:${catcher.httpPort}`)).toBe(200);
    expect(await status(`localhost:${catcher.httpPort}`)).toBe(200);
    expect(await status(`attacker.example:${catcher.httpPort}`)).toBe(421);
  });
});

describe('mail: a server that refuses the login', () => {
  const password = 'correct-horse-battery-staple-9731';
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    // A real SMTP server (smtp-server) that advertises AUTH PLAIN/LOGIN and refuses every login with 535.
    server = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) =>
        callback(Object.assign(new Error(`Invalid username or password ${password}`), { responseCode: 535 })),
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('[C-13] gives a clear auth_refused error that carries neither the password nor the server’s text', async () => {
    const lines: string[] = [];
    const stopSink = addLogSink((l) => lines.push(l));
    try {
      const mailer = createMailer(
        loadMailConfig({
          RAIZE_ENV: 'test',
          RAIZE_SMTP_URL: `smtp://127.0.0.1:${port}`,
          RAIZE_SMTP_USER: 'raize',
          RAIZE_SMTP_PASSWORD: password,
          RAIZE_SMTP_TIMEOUT_SECONDS: '5',
        }),
      );
      const err = await failureOf(mailer.send({ to: ['reviewer@client.example'], subject: 'Review', text: 'x' }));
      expect(err.failure).toBe('auth_refused');
      expect(err.retryable).toBe(false);
      expect(err.message).toMatch(
        new RegExp(
          `^the SMTP server smtp://127\\.0\\.0\\.1:${port} refused the login \\(reply 535\\b.*RAIZE_SMTP_USER`,
        ),
      );
      const plain = Buffer.from(`\u0000raize\u0000${password}`).toString('base64');
      const everything = [
        err.message,
        err.stack ?? '',
        JSON.stringify(err),
        inspect(err, { depth: 10 }),
        ...lines,
      ].join('\n');
      for (const secret of [password, Buffer.from(password).toString('base64'), plain])
        expect(everything).not.toContain(secret);
    } finally {
      stopSink();
    }
  });
});

describe('mail: configuration', () => {
  it('[C-15] a production process without RAIZE_SMTP_URL fails at start with a ConfigError naming it', () => {
    let err: unknown;
    try {
      createMailer(loadMailConfig({ RAIZE_ENV: 'production', RAIZE_MAIL_FROM: 'reviews@agency.example' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([expect.stringMatching(/^RAIZE_SMTP_URL: required in production/)]);
  });

  it('development without a mail server refuses each send with not_configured', async () => {
    const mailer = createMailer(loadMailConfig({ RAIZE_ENV: 'development' }));
    const err = await failureOf(mailer.send({ to: ['reviewer@client.example'], subject: 'Review', text: 'x' }));
    expect(err.failure).toBe('not_configured');
    expect(err.message).toMatch(/set RAIZE_SMTP_URL/);
  });

  it('a catcher that is not running gives connection_failed, known not to have sent', async () => {
    const catcher = await startMailCatcher({ dir: mkdtempSync(join(tmpdir(), 'raize-mailcatcher-gone-')) });
    await catcher.close();
    const err = await failureOf(
      mailerFor(catcher).send({ to: ['reviewer@client.example'], subject: 'Review', text: 'x' }),
    );
    expect(err).toMatchObject({ failure: 'connection_failed', details: { outcomeUnknown: false } });
  });
});
