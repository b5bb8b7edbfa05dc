import { linksOf } from '../../creation/content-input';

/**
 * Links in a text, as the content check counts them (schemes and bare domains alike), plus the spelled-out forms
 * spam and injections use to slip past a link filter ("evil dot com", "evil[.]com", "hxxp://").
 */
const TLDS = 'com|net|org|io|ly|co|xyz|info|biz|me|app|link|site|online|shop|store|top|ru|cn|uk|de|tk|gg|cc';
const SPELLED_DOT = new RegExp(
  `\\b[a-z0-9-]{2,}\\s*(?:\\[\\s*\\.\\s*\\]|\\(\\s*\\.\\s*\\)|\\[\\s*dot\\s*\\]|\\(\\s*dot\\s*\\)|\\s+dot\\s+)\\s*(?:${TLDS})\\b`,
  'giu',
);
const HXXP = /\bhxxps?:\/\/\S+/giu;

export function linksIn(text: string): string[] {
  const plain = text.normalize('NFKC');
  return [...linksOf(plain), ...(plain.match(SPELLED_DOT) ?? []), ...(plain.match(HXXP) ?? [])];
}

/** The host of a link, lower case, without `www.`; null when it has none that a browser would open. */
export function domainOf(link: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `http://${link}`;
  try {
    const host = new URL(withScheme.replace(/^hxxp/i, 'http')).hostname.toLowerCase();
    return host.replace(/^www\./, '').replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** True when the domain is an allowlisted one or a subdomain of one ("shop.acme.test" under "acme.test"). */
export function domainAllowed(domain: string, allowlist: readonly string[]): boolean {
  return allowlist.some((a) => {
    const allowed = a.toLowerCase().replace(/^www\./, '');
    return domain === allowed || domain.endsWith(`.${allowed}`);
  });
}
