import { isIP, isIPv6 } from 'node:net';

/** An IPv4 address written as IPv6 (`::ffff:203.0.113.7`, how a dual-stack socket reports it) is the IPv4 one. */
export function plainAddress(address: string): string {
  const a = address.trim().toLowerCase().split('%')[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/** One spelling per address (`2001:DB8:0::1` and `2001:db8::1` are one), so a configured proxy matches its peer. */
export function canonicalAddress(address: string): string {
  const a = plainAddress(address);
  // The URL parser writes IPv6 hosts in the RFC 5952 form that sockets report.
  return isIPv6(a) ? new URL(`http://[${a}]/`).hostname.slice(1, -1) : a;
}

/**
 * The key an address is budgeted under: an IPv4 address as it is, an IPv6 address by its /64. One IPv6 host is
 * normally given a whole /64 and can pick a fresh address for each request from it, so keying by the full
 * address would let it escape its budget and fill the table with one entry per request.
 */
export function addressKey(address: string): string {
  const a = plainAddress(address);
  if (!isIPv6(a)) return a;
  const [head, tail] = a.includes('::') ? (a.split('::') as [string, string]) : [a, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  // A dotted IPv4 tail takes two groups' room; only the first four groups make the key.
  const tailGroups = t.length + (t.at(-1)?.includes('.') ? 1 : 0);
  const groups =
    tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - tailGroups)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Who sent a request: the socket's peer, or, when that peer is one of the operator's reverse proxies, the nearest
 * address in X-Forwarded-For that is not one of them (proxies append, so the entries left of the last untrusted one
 * are whatever the sender wrote). Without trusted proxies the header is never read: anyone can write it.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: ReadonlySet<string>,
): string {
  const socket = plainAddress(peer ?? 'unknown');
  if (!trustedProxies.has(socket) || forwardedFor === undefined) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]!);
    if (!hop) continue;
    // Not an address where a proxy of ours wrote one: the chain is misconfigured, and the peer is all we know.
    if (!isIP(hop)) return socket;
    const canonical = canonicalAddress(hop);
    if (!trustedProxies.has(canonical)) return canonical;
  }
  return socket;
}
