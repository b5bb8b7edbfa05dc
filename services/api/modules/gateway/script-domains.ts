import { isIP } from 'node:net';

/** The migration's cap (gateway_settings.script_domains, cardinality <= 50). */
export const MAX_SCRIPT_DOMAINS = 50;

// RFC 1123 labels; at least two of them. An IP literal, a port, a scheme or a path is not a host name: scripts reach
// named hosts only, so an allowlist cannot name the metadata address or a private range (C-38).
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The domains, lower-cased and de-duplicated, or the first one that is not a host name. */
export function normalizeScriptDomains(
  given: readonly string[],
): { ok: true; domains: string[] } | { ok: false; bad: string } {
  const out: string[] = [];
  for (const raw of given) {
    const d = raw.trim().toLowerCase().replace(/\.$/, '');
    const labels = d.split('.');
    if (
      d.length > 253 ||
      isIP(d) ||
      labels.length < 2 ||
      !labels.every((l) => LABEL.test(l)) ||
      /^\d+$/.test(labels.at(-1)!)
    )
      return { ok: false, bad: raw.slice(0, 100) };
    if (!out.includes(d)) out.push(d);
  }
  return out.length > MAX_SCRIPT_DOMAINS ? { ok: false, bad: `${out.length} domains` } : { ok: true, domains: out };
}
