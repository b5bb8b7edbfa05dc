import type { IpAddress, IpRange } from './ip-address';
import { embeddedV4, inRange, parseRange } from './ip-address';

/** Why an address is not one a server-side fetch may reach (C-35). */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link_local'
  | 'multicast'
  | 'reserved'
  | 'benchmark'
  | 'documentation'
  | 'unique_local'
  | 'deprecated_v6';

const ranges = (cls: AddressClass, cidrs: string[]): [IpRange, AddressClass][] =>
  cidrs.map((c) => [parseRange(c), cls]);

/**
 * IPv4 ranges that are not the public internet (IANA special-purpose registry). 169.254.169.254, the cloud
 * metadata service that hands out instance credentials, is link-local; documentation ranges are never routed
 * publicly, so a host that resolves into them is pointing somewhere internal.
 */
const V4_BLOCKED: [IpRange, AddressClass][] = [
  ...ranges('unspecified', ['0.0.0.0/8']),
  ...ranges('loopback', ['127.0.0.0/8']),
  ...ranges('private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']),
  ...ranges('shared', ['100.64.0.0/10']),
  ...ranges('link_local', ['169.254.0.0/16']),
  ...ranges('reserved', ['192.0.0.0/24', '192.88.99.0/24', '240.0.0.0/4']),
  ...ranges('documentation', ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24']),
  ...ranges('benchmark', ['198.18.0.0/15']),
  ...ranges('multicast', ['224.0.0.0/4']),
];

/** IPv6 ranges blocked whole; the forms that embed an IPv4 address are judged by that address instead. */
const V6_BLOCKED: [IpRange, AddressClass][] = [
  ...ranges('unspecified', ['::/128']),
  ...ranges('loopback', ['::1/128']),
  ...ranges('unique_local', ['fc00::/7']),
  ...ranges('link_local', ['fe80::/10']),
  ...ranges('multicast', ['ff00::/8']),
  ...ranges('documentation', ['2001:db8::/32', '3fff::/20']),
  ...ranges('reserved', ['100::/64', '64:ff9b:1::/48', '::ffff:0:0:0/96']),
  // IPv4-compatible (::a.b.c.d, deprecated since RFC 4291), site-local (deprecated), and Teredo, whose embedded
  // address is obfuscated: none is a legitimate way to name a public web server today.
  ...ranges('deprecated_v6', ['::/96', 'fec0::/10', '2001::/32']),
];

/** IPv6 forms that carry an IPv4 address, and where: the embedded address must pass the IPv4 checks. */
const V6_EMBEDDING: [IpRange, number][] = [
  [parseRange('::ffff:0:0/96'), 0], // IPv4-mapped
  [parseRange('64:ff9b::/96'), 0], // NAT64 well-known prefix
  [parseRange('2002::/16'), 80], // 6to4
];

/** The class of a non-public address, or null for a public one. */
export function classifyAddress(ip: IpAddress): AddressClass | null {
  if (ip.family === 4) return V4_BLOCKED.find(([r]) => inRange(ip, r))?.[1] ?? null;
  const embedding = V6_EMBEDDING.find(([r]) => inRange(ip, r));
  if (embedding) return classifyAddress(embeddedV4(ip, embedding[1]));
  return V6_BLOCKED.find(([r]) => inRange(ip, r))?.[1] ?? null;
}

/**
 * Whether a fetch may connect to `ip`: public, or inside a range the deployment allowed on purpose. The
 * allowlist matches literally: `127.0.0.1/32` allows 127.0.0.1, not `::ffff:127.0.0.1`, so an odd spelling of an
 * allowed address is still refused.
 */
export function addressAllowed(ip: IpAddress, allowPrivate: readonly IpRange[]): boolean {
  return classifyAddress(ip) === null || allowPrivate.some((r) => inRange(ip, r));
}
