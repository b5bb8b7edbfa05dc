/**
 * Whether a script may fetch from a host (C-38): the host is one of the agency's allowlisted domains or a subdomain
 * of one. Case and a trailing dot do not matter; an IP literal passes only when listed as it is.
 */
export function hostAllowed(hostname: string, domains: readonly string[]): boolean {
  const host = normalise(hostname.replace(/^\[(.*)\]$/, '$1'));
  if (!host) return false;
  return domains.some((raw) => {
    const d = normalise(raw);
    return d.length > 0 && (host === d || host.endsWith(`.${d}`));
  });
}

function normalise(s: string): string {
  return s.trim().toLowerCase().replace(/\.$/, '');
}
