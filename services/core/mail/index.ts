export type { MailAttachment, MailMessage, MailPort } from './mail.port';
export { MAIL_FAILURES, MailError } from './mail.errors';
export type { MailFailure, MailErrorDetails } from './mail.errors';
export { MAIL_LIMITS, isMailAddress, validateMailMessage } from './mail-message';
export { DEV_MAIL_FROM, loadMailConfig } from './mail-config';
export type { MailConfig, MailSender, SmtpCredentials, SmtpSettings } from './mail-config';
export { SmtpMailer } from './smtp.mailer';
export { createMailer } from './create-mailer';
