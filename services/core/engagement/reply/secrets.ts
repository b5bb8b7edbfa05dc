/**
 * Things that look like credentials: the well-known key shapes, tokens, private keys, and a `password: …`-style
 * pair. A reply never needs one, so a match refuses the reply (C-29); the value itself is never returned or logged.
 */
const SECRET_SHAPES: readonly { what: string; re: RegExp }[] = [
  { what: 'cloud access key', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'api key', re: /\b(?:sk|pk|rk)-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/ },
  { what: 'api key', re: /\b[sprk]k_(?:live|test)_[A-Za-z0-9]{10,}/ },
  { what: 'api key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  {
    what: 'access token',
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,})/,
  },
  { what: 'access token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: 'access token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { what: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: 'credential', re: /\b(?:password|passwd|pwd|api[_ -]?key|secret|token|access[_ -]?key)\s*[:=]\s*\S{6,}/i },
  {
    what: 'credential in a link',
    re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
  },
];

// 32+ characters from a token alphabet mixing cases and digits: an opaque secret more often than a word.
const OPAQUE = /[A-Za-z0-9_\-+/]{32,}={0,2}/g;

export function detectSecrets(text: string): string[] {
  const found = new Set<string>();
  for (const s of SECRET_SHAPES) if (s.re.test(text)) found.add(s.what);
  for (const m of text.match(OPAQUE) ?? [])
    if (/[a-z]/.test(m) && /[A-Z]/.test(m) && /\d/.test(m)) found.add('opaque token');
  return [...found].sort();
}
