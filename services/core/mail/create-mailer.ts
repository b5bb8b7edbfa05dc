import type { MailConfig } from './mail-config';
import { loadMailConfig } from './mail-config';
import { validateMailMessage } from './mail-message';
import { MailError } from './mail.errors';
import type { MailMessage, MailPort } from './mail.port';
import { SmtpMailer } from './smtp.mailer';

/**
 * Development or tests without RAIZE_SMTP_URL: every send is refused with a clear reason (after the same checks as a
 * real send), so a missing mail server shows up where the mail was wanted instead of the mail vanishing.
 */
class UnconfiguredMailer implements MailPort {
  send(message: MailMessage): Promise<{ messageId: string }> {
    validateMailMessage(message);
    return Promise.reject(
      new MailError(
        'not_configured',
        'no mail server is configured: set RAIZE_SMTP_URL (the local stack points it at its mail catcher, docs/mail.md)',
      ),
    );
  }
}

/**
 * The mail port the configuration asks for: SMTP when RAIZE_SMTP_URL is set (the mail catcher in development).
 * Reading the configuration here makes a production process without one fail at start (ConfigError), not at its
 * first mail.
 */
export function createMailer(config: MailConfig = loadMailConfig()): MailPort {
  if (!config.smtp) return new UnconfiguredMailer();
  return new SmtpMailer({ smtp: config.smtp, from: config.from });
}
