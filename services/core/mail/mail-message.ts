import { z } from 'zod';
import { MailError } from './mail.errors';
import type { MailMessage } from './mail.port';

const MB = 1024 * 1024;

/** Bounds of one message: well under the 25 MB most servers (and the mail catcher) take once base64 adds a third. */
export const MAIL_LIMITS = {
  recipients: 50,
  subjectChars: 500,
  bodyBytes: 2 * MB,
  attachments: 20,
  attachmentBytes: 15 * MB,
} as const;

// RFC 5321 §4.1.2 dot-atom local part and LDH domain labels, ASCII only. No quoted local parts, IP literals, display
// names, commas or whitespace: each entry is exactly one mailbox, so nothing can smuggle a second recipient or a
// header into the envelope or the To: line.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Whether `s` is one bare mail address Raize will send to (`name@example.com`): ASCII, at most 254 characters. */
export function isMailAddress(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  if (at < 1) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  return local.length <= 64 && LOCAL.test(local) && domain.split('.').every((l) => LABEL.test(l));
}

/**
 * Control characters (CR and LF above all) and the Unicode line and paragraph separators some parsers also break
 * lines on: none belongs in a header field.
 */
const LINE_BREAKING = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

const headerText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !LINE_BREAKING.test(s), 'must not contain line breaks or control characters');

const address = z
  .string()
  .refine((s) => !LINE_BREAKING.test(s), 'must not contain line breaks or control characters')
  .refine(isMailAddress, 'not a mail address Raize sends to (name@example.com: ASCII, no display name)');

const body = z.string().refine((s) => Buffer.byteLength(s) <= MAIL_LIMITS.bodyBytes, {
  message: `must be at most ${MAIL_LIMITS.bodyBytes} bytes`,
});

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

const attachment = z.object({
  filename: headerText(255)
    .min(1, 'must not be empty')
    .refine((s) => !/[/\\]/.test(s), 'must be a file name, not a path'),
  contentType: z.string().regex(MIME_TYPE, 'must be a MIME type such as application/pdf (no parameters)'),
  content: z.instanceof(Buffer, { message: 'must be a Buffer' }),
});

const messageSchema = z
  .object({
    to: z
      .array(address)
      .min(1, 'needs at least one recipient')
      .max(MAIL_LIMITS.recipients, `at most ${MAIL_LIMITS.recipients} recipients`),
    subject: headerText(MAIL_LIMITS.subjectChars).refine((s) => s.trim().length > 0, 'must not be empty'),
    text: body,
    html: body.optional(),
    attachments: z.array(attachment).max(MAIL_LIMITS.attachments, `at most ${MAIL_LIMITS.attachments}`).optional(),
  })
  .refine((m) => (m.attachments ?? []).reduce((n, a) => n + a.content.length, 0) <= MAIL_LIMITS.attachmentBytes, {
    message: `attachments must total at most ${MAIL_LIMITS.attachmentBytes} bytes`,
    path: ['attachments'],
  });

/**
 * The message, checked before any connection (header injection, size). A refusal names each bad field by its
 * path (`to[1]`, `subject`) and never echoes its value: an address is personal data, a subject may be too.
 */
export function validateMailMessage(message: MailMessage): MailMessage {
  const parsed = messageSchema.safeParse(message);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`);
  throw new MailError('invalid_message', `mail refused before sending: ${problems.join('; ')}`);
}

function fieldPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'message';
}
