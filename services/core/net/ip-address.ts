import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number, so ranges are compared numerically instead of by string prefixes. */
export interface IpAddress {
  family: 4 | 6;
  /** 32 bits for IPv4, 128 bits for IPv6 */
  value: bigint;
}

/** A CIDR range; a v4 range never matches a v6 address, even one that embeds an address inside the range. */
export interface IpRange {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

/**
 * Parses an address in the canonical forms a resolver or a WHATWG-parsed URL yields (dotted-quad IPv4, IPv6
 * with `::` and an optional dotted tail, optionally in brackets). Anything else, including the odd IPv4
 * encodings a URL parser normalises (`0177.0.0.1`, `2130706433`), is refused here: the fetcher only ever checks
 * what it will connect to, and it never connects to an address it could not read.
 */
export function parseIp(text: string): IpAddress | null {
  const s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (isIPv4(s)) return { family: 4, value: v4Value(s) };
  // A zone id (`fe80::1%eth0`) picks an interface: nothing a fetch of a user's URL needs.
  if (s.includes('%') || !isIPv6(s)) return null;
  return { family: 6, value: v6Value(s) };
}

function v4Value(s: string): bigint {
  return s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6Value(s: string): bigint {
  let text = s.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = v4Value(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** `10.0.0.0/8`, `fc00::/7`, or a bare address (a /32 or /128). Throws on anything else (configuration). */
export function parseRange(cidr: string): IpRange {
  const [addr, bits, extra] = cidr.trim().split('/');
  const ip = parseIp(addr);
  const max = ip?.family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!ip || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || bits === '') {
    throw new Error(`not an address range: ${cidr}`);
  }
  return { family: ip.family, base: ip.value & mask(ip.family, prefix), prefix };
}

export function inRange(ip: IpAddress, range: IpRange): boolean {
  return ip.family === range.family && (ip.value & mask(range.family, range.prefix)) === range.base;
}

function mask(family: 4 | 6, prefix: number): bigint {
  const width = family === 4 ? 32n : 128n;
  const ones = (1n << width) - 1n;
  return (ones << (width - BigInt(prefix))) & ones;
}

/** The IPv4 address held in bits `shift`..`shift+32` of an IPv6 address (mapped, NAT64, 6to4 forms). */
export function embeddedV4(ip: IpAddress, shift: number): IpAddress {
  return { family: 4, value: (ip.value >> BigInt(shift)) & 0xffffffffn };
}

export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((ip.value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}
