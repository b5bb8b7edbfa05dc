import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import type { NodemailerError, SMTPSentMessageInfo, SMTPTransportOptions, Transporter } from 'nodemailer';
import { logger } from '../telemetry/logger';
import type { MailSender, SmtpSettings } from './mail-config';
import { validateMailMessage } from './mail-message';
import { MailError } from './mail.errors';
import type { MailMessage, MailPort } from './mail.port';

export interface SmtpMailerOptions {
  smtp: SmtpSettings;
  from: MailSender;
}

/** nodemailer's options for these settings: TLS as the URL says, our timeouts, no file or URL reads, no logging. */
export function smtpTransportOptions(smtp: SmtpSettings): SMTPTransportOptions {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    auth: smtp.auth ? { user: smtp.auth.user, pass: smtp.auth.password } : undefined,
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
    dnsTimeout: smtp.timeoutMs,
    // Certificates are checked (Node's default); SNI needs a name, not an address.
    tls: { minVersion: 'TLSv1.2', servername: isIP(smtp.host) ? undefined : smtp.host },
    // Attachments are buffers we hand over; a `path` or `href` must never make the mailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    // nodemailer's debug log carries the AUTH exchange and the message body: never on.
    logger: false,
    debug: false,
    transactionLog: false,
  };
}

/** Sends through one SMTP server (RAIZE_SMTP_URL), a new connection per message. */
export class SmtpMailer implements MailPort {
  private readonly transport: Transporter<SMTPSentMessageInfo, SMTPTransportOptions>;

  constructor(private readonly o: SmtpMailerOptions) {
    this.transport = createTransport(smtpTransportOptions(o.smtp));
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const m = validateMailMessage(message);
    let info: SMTPSentMessageInfo;
    try {
      info = await this.transport.sendMail({
        from: this.o.from.name ? { name: this.o.from.name, address: this.o.from.address } : this.o.from.address,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        attachments: m.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
    } catch (err) {
      throw smtpFailure(err, this.o.smtp.url);
    }
    // The server took the message for some recipients only: it is sent, so no error (a retry would duplicate it).
    if (info.rejected.length)
      logger.warn(
        { 'raize.operation': 'mail.send', 'raize.outcome': `rejected ${info.rejected.length} of ${m.to.length}` },
        'mail sent, but the server refused some recipients',
      );
    return { messageId: info.messageId };
  }

  /** Connects and logs in without sending: a start-up check for an installation that wants one. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (err) {
      throw smtpFailure(err, this.o.smtp.url);
    }
  }

  close(): void {
    this.transport.close();
  }
}

// Errors that end a connection attempt before any SMTP session: nothing can have been sent.
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

/**
 * nodemailer's error as a MailError written by us. Only its code, the SMTP reply code and the enhanced status code
 * (`5.7.8`) are read: its message and `response` may quote the server, and nothing of it is attached as a cause.
 */
export function smtpFailure(err: unknown, url: string): MailError {
  if (err instanceof MailError) return err;
  const e = (err ?? {}) as NodemailerError;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const enhanced = typeof e.response === 'string' ? /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(e.response)?.[1] : '';
  const reply = responseCode ? ` (reply ${responseCode}${enhanced ? ` ${enhanced}` : ''})` : '';
  const server = `the SMTP server ${url}`;
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  // 530 "authentication required" comes as an envelope error when no login was attempted.
  if (code === 'EAUTH' || code === 'ENOAUTH' || responseCode === 530)
    return new MailError(
      'auth_refused',
      `${server} refused the login${reply}: check RAIZE_SMTP_USER and RAIZE_SMTP_PASSWORD (or RAIZE_SMTP_PASSWORD_FILE)`,
      { responseCode },
    );
  switch (code) {
    case 'ETLS':
    case 'EREQUIRETLS':
      return new MailError(
        'tls_failed',
        `TLS with ${server} failed${reply}: its certificate was refused, or it offers no STARTTLS (smtp:// demands it off loopback; smtps:// is TLS from the start)`,
        { responseCode },
      );
    case 'ETIMEDOUT':
      return new MailError('timeout', `${server} did not answer in time (${e.timeoutType ?? 'timeout'})`, {
        // An idle socket may have been waiting for the reply to the message: it may have been delivered.
        outcomeUnknown: e.timeoutType === 'SOCKET_TIMEOUT' || e.timeoutType === undefined,
      });
    case 'EDNS':
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EPROXY': {
      const before = code === 'EDNS' || CONNECT_ERRORS.has(String(e.originalCode ?? ''));
      return new MailError(
        'connection_failed',
        `cannot reach ${server} (${before ? String(e.originalCode ?? code) : code})`,
        { outcomeUnknown: !before },
      );
    }
    case 'EPROTOCOL':
      return new MailError(
        'connection_failed',
        `${server} answered something that is not SMTP: is the scheme right (smtps:// for TLS from the start, usually port 465)?`,
      );
    case 'EENVELOPE':
    case 'EMAXRECIPIENTS':
      // 552 on MAIL FROM answers its SIZE parameter: the message is too large, whoever it is for.
      if (responseCode === 552)
        return new MailError('message_refused', `${server} refused the message as too large${reply}`, { responseCode });
      return new MailError('recipient_refused', `${server} refused the sender or the recipients${reply}`, {
        responseCode,
      });
    case 'EMESSAGE':
      return new MailError('message_refused', `${server} refused the message${reply}`, { responseCode });
    default:
      return new MailError('connection_failed', `sending through ${server} failed (${code})${reply}`, {
        responseCode,
        outcomeUnknown: true,
      });
  }
}
