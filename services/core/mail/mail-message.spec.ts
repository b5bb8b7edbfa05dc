import { MailError } from './mail.errors';
import { MAIL_LIMITS, isMailAddress, validateMailMessage } from './mail-message';
import type { MailMessage } from './mail.port';

const ok: MailMessage = { to: ['reviewer@client.example'], subject: 'Posts waiting for you', text: 'Hello' };

const refusal = (m: MailMessage): string => {
  try {
    validateMailMessage(m);
  } catch (err) {
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).failure).toBe('invalid_message');
    return (err as MailError).message;
  }
  throw new Error('the message was accepted');
};

describe('mail message checks', () => {
  it('accepts bare addresses and refuses display names, lists and non-addresses', () => {
    for (const a of ['a@b.example', 'first.last+tag@sub.example.co', 'x@localhost'])
      expect(isMailAddress(a)).toBe(true);
    for (const a of [
      'Name <a@b.example>',
      'a@b.example, c@d.example',
      'a b@c.example',
      '@b.example',
      'a@',
      'a@-b.example',
    ])
      expect(isMailAddress(a)).toBe(false);
    expect(isMailAddress(`${'a'.repeat(65)}@b.example`)).toBe(false);
  });

  it('refuses a line break in a recipient or the subject, naming the field and not the value', () => {
    const to = refusal({ ...ok, to: ['reviewer@client.example', 'x@client.example\r\nBcc: victim@else.example'] });
    expect(to).toMatch(/to\[1\]: must not contain line breaks/);
    expect(to).not.toContain('victim');
    const subject = refusal({ ...ok, subject: 'Hi\r\nBcc: victim@else.example' });
    expect(subject).toMatch(/subject: must not contain line breaks/);
    expect(subject).not.toContain('victim');
    expect(refusal({ ...ok, subject: 'Hi\u2028there' })).toMatch(/subject/);
    expect(refusal({ ...ok, subject: 'Hi\nthere' })).toMatch(/subject/);
  });

  it('refuses no recipients, too many, an empty subject and a path as an attachment name', () => {
    expect(refusal({ ...ok, to: [] })).toMatch(/to: needs at least one recipient/);
    const many = Array.from({ length: MAIL_LIMITS.recipients + 1 }, (_, i) => `r${i}@client.example`);
    expect(refusal({ ...ok, to: many })).toMatch(/to: at most/);
    expect(refusal({ ...ok, subject: '  ' })).toMatch(/subject: must not be empty/);
    const att = { filename: '../../etc/passwd', contentType: 'text/plain', content: Buffer.from('x') };
    expect(refusal({ ...ok, attachments: [att] })).toMatch(/attachments\[0\]\.filename: must be a file name/);
    expect(refusal({ ...ok, attachments: [{ ...att, filename: 'a.txt', contentType: 'text/plain\r\nX: y' }] })).toMatch(
      /attachments\[0\]\.contentType/,
    );
  });

  it('refuses attachments over the total size', () => {
    const big = Buffer.alloc(MAIL_LIMITS.attachmentBytes + 1);
    expect(
      refusal({ ...ok, attachments: [{ filename: 'report.pdf', contentType: 'application/pdf', content: big }] }),
    ).toMatch(/attachments: attachments must total at most/);
  });
});
