import { addressAllowed, classifyAddress } from './address-policy';
import { formatIp, parseIp, parseRange } from './ip-address';

const cls = (a: string) => {
  const ip = parseIp(a);
  if (!ip) throw new Error(`unparsed ${a}`);
  return classifyAddress(ip);
};

describe('address policy (C-35)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.169.254', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'benchmark'],
    ['198.19.255.255', 'benchmark'],
    ['192.0.2.1', 'documentation'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique_local'],
    ['fd00:ec2::254', 'unique_local'],
    ['fe80::1', 'link_local'],
    ['febf::1', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a00:1', 'private'],
    ['::127.0.0.1', 'deprecated_v6'],
    ['::8.8.8.8', 'deprecated_v6'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link_local'],
    ['2002:c0a8:101::5', 'private'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'deprecated_v6'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:0:127.0.0.1', 'reserved'],
  ])('[C-35] %s is %s', (address, expected) => {
    expect(cls(address)).toBe(expected);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('[C-35] %s is public', (address) => {
    expect(cls(address)).toBeNull();
  });

  it('[C-35] the allowlist matches literally: 127.0.0.1/32 does not allow its IPv4-mapped spelling', () => {
    const allow = [parseRange('127.0.0.1/32')];
    expect(addressAllowed(parseIp('127.0.0.1')!, allow)).toBe(true);
    expect(addressAllowed(parseIp('127.0.0.2')!, allow)).toBe(false);
    expect(addressAllowed(parseIp('::ffff:127.0.0.1')!, allow)).toBe(false);
    expect(addressAllowed(parseIp('10.0.0.1')!, [])).toBe(false);
    expect(addressAllowed(parseIp('8.8.8.8')!, [])).toBe(true);
  });

  it('[C-35] WHATWG URL parsing turns odd IPv4 spellings into the dotted form the policy checks', () => {
    for (const host of ['2130706433', '0177.0.0.1', '0x7f.1', '127.1', '0x7f000001', '017700000001', '127.0.1']) {
      expect(new URL(`http://${host}/`).hostname).toBe('127.0.0.1');
    }
    expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]');
    expect(new URL('http://0/').hostname).toBe('0.0.0.0');
  });

  it('parses only canonical addresses', () => {
    expect(parseIp('0177.0.0.1')).toBeNull();
    expect(parseIp('2130706433')).toBeNull();
    expect(parseIp('fe80::1%eth0')).toBeNull();
    expect(parseIp('example.com')).toBeNull();
    expect(formatIp(parseIp('[::ffff:127.0.0.1]')!)).toBe('0:0:0:0:0:ffff:7f00:1');
    expect(formatIp(parseIp('10.1.2.3')!)).toBe('10.1.2.3');
    expect(() => parseRange('10.0.0.0/33')).toThrow();
    expect(() => parseRange('nonsense')).toThrow();
  });
});
