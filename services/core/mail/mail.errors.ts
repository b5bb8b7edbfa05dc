/** Why a mail was not sent, or may not have been. Stable codes: callers decide by them, never by message text. */
export const MAIL_FAILURES = [
  /** refused before connecting: a bad address, a line break in a header field, too many recipients or bytes */
  'invalid_message',
  /** no SMTP server configured (RAIZE_SMTP_URL unset outside production) */
  'not_configured',
  /** the server refused the credentials (RAIZE_SMTP_USER / RAIZE_SMTP_PASSWORD), or wants some and has none */
  'auth_refused',
  /** TLS failed: a bad certificate, or a server that offers no STARTTLS where it is required */
  'tls_failed',
  /** no SMTP session: the host did not resolve, refused the connection or closed it before the message went */
  'connection_failed',
  /** the server refused a recipient or the sender */
  'recipient_refused',
  /** the server refused the message itself (size, content, policy) */
  'message_refused',
  /** no answer in time (RAIZE_SMTP_TIMEOUT_SECONDS) */
  'timeout',
] as const;
export type MailFailure = (typeof MAIL_FAILURES)[number];

export interface MailErrorDetails {
  /** the SMTP reply code when the server answered, e.g. 535 or 452 */
  responseCode?: number;
  /**
   * The connection broke after the message may have been handed over: the server may deliver it. A caller that
   * retries may send it twice (the Postiz lesson, docs/style.md); for a one-time code that is harmless, for a
   * report a duplicate is better than none, but the caller should know.
   */
  outcomeUnknown?: boolean;
}

/**
 * A mail that was refused or failed. The message is written by us for an operator or a log line: it names the
 * reason, the server (host:port) and the SMTP reply code, never the password, a recipient, the subject or the body
 * (C-13), and no cause is attached (a library's error may quote the server's reply).
 */
export class MailError extends Error {
  constructor(
    readonly failure: MailFailure,
    message: string,
    readonly details: MailErrorDetails = {},
  ) {
    super(message);
    this.name = 'MailError';
  }

  /** Whether the same message may go through later: a transient server reply (4xx), a timeout, a lost connection. */
  get retryable(): boolean {
    if (this.failure === 'timeout' || this.failure === 'connection_failed') return true;
    const code = this.details.responseCode;
    return (this.failure === 'recipient_refused' || this.failure === 'message_refused') && !!code && code < 500;
  }
}
