import { createHash, randomBytes } from 'node:crypto';

/**
 * A read-only link's token: 32 random bytes, shown once in the URL and never stored; the database keeps its sha256
 * (as API tokens, C-09), so a database dump opens no report.
 */
const PREFIX = 'rpt_';
const SHAPE = /^rpt_[A-Za-z0-9_-]{43}$/;

export function newReportLinkToken(): { token: string; hash: string } {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashReportLinkToken(token) };
}

export function hashReportLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string could be a token at all: anything else is refused before the database is asked. */
export function isReportLinkToken(s: string): boolean {
  return SHAPE.test(s);
}

/** The public URL of a link: `/r/<token>` answers the PDF, `/r/<token>/view` the page. */
export function reportLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/r/${token}`;
}

/** How long a link lives when nobody says (the mail's link too), and the longest it may. */
export const DEFAULT_LINK_DAYS = 30;
export const MAX_LINK_DAYS = 365;
