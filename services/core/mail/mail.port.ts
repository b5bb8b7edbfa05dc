/** A file sent with a mail (a report's PDF); the bytes travel base64-encoded, so the caller's buffer arrives intact. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * One mail to send. Recipients are bare addresses (`name@example.com`, no display name) and neither they nor the
 * subject may hold a line break: the mailer refuses such a message before connecting (header injection).
 */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * How Raize sends mail (review links and their one-time codes, reports, alerts): SMTP in production, the local mail
 * catcher in development (docs/mail.md). A failure is a MailError (mail.errors.ts) whose `failure` code says what
 * happened; its message never carries the SMTP password, the recipients or the body.
 */
export interface MailPort {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
