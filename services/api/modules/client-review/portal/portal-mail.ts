import type { MailMessage } from '../../../../core/mail/mail.port';

// Plain text only: nothing in these mails needs markup, and a client's name cannot become HTML in anyone's inbox.
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').slice(0, 120);

export function reviewLinkMail(a: {
  to: string;
  reviewer: string;
  client: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: [a.to],
    subject: `Posts for ${oneLine(a.client)} are waiting for your review`,
    text: [
      `Hello ${oneLine(a.reviewer)},`,
      '',
      `The agency asks you to review the posts it prepared for ${oneLine(a.client)}.`,
      'Open this link to approve them, ask for changes, put one on hold or reject it:',
      '',
      a.url,
      '',
      `The link is yours alone and works until ${a.expiresAt.toUTCString()}. Do not forward it.`,
    ].join('\n'),
  };
}

export function oneTimeCodeMail(a: {
  to: string;
  reviewer: string;
  client: string;
  code: string;
  minutes: number;
}): MailMessage {
  return {
    to: [a.to],
    subject: `Your review code for ${oneLine(a.client)}: ${a.code}`,
    text: [
      `Hello ${oneLine(a.reviewer)},`,
      '',
      `Your one-time code to open the review page for ${oneLine(a.client)} is:`,
      '',
      `    ${a.code}`,
      '',
      `It works once, for ${a.minutes} minutes. If you did not open a review link just now, ignore this mail.`,
    ].join('\n'),
  };
}
