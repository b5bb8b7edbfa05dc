import { addressKey, canonicalAddress, clientAddress } from './client-address';

describe('addressKey', () => {
  it('keys IPv4 as it is, IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('[C-33] keys IPv6 by its /64, so a host cannot rotate addresses inside its prefix to escape its budget', () => {
    const key = '2001:db8:1:2::/64';
    expect(addressKey('2001:db8:1:2::1')).toBe(key);
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(key);
    expect(addressKey('2001:0db8:0001:0002:0000:0000:0000:0009')).toBe(key);
    expect(addressKey('2001:db8:1:2::1%eth0')).toBe(key);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });
});

describe('clientAddress', () => {
  const proxies = new Set(['10.0.0.1', '10.0.0.2']);

  it('is the socket peer when no proxy is trusted: a sender cannot pick its key by writing X-Forwarded-For', () => {
    expect(clientAddress('198.51.100.7', '1.2.3.4', new Set())).toBe('198.51.100.7');
    expect(clientAddress('::ffff:198.51.100.7', undefined, new Set())).toBe('198.51.100.7');
    expect(clientAddress(undefined, undefined, new Set())).toBe('unknown');
  });

  it('behind trusted proxies it is the nearest untrusted hop, whatever the sender wrote further left', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', 'forged, 1.1.1.1, 203.0.113.9, 10.0.0.2', proxies)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', ['1.1.1.1', '203.0.113.9'], proxies)).toBe('203.0.113.9');
    // From a peer that is not a trusted proxy the header is not read.
    expect(clientAddress('203.0.113.50', '203.0.113.9', proxies)).toBe('203.0.113.50');
    // A proxy that names nobody (or only proxies) leaves the proxy itself.
    expect(clientAddress('10.0.0.1', undefined, proxies)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '10.0.0.2', proxies)).toBe('10.0.0.1');
  });
});

describe('canonicalAddress', () => {
  it('writes one spelling per address, so a configured proxy matches its peer', () => {
    expect(canonicalAddress('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(canonicalAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalAddress('10.0.0.1')).toBe('10.0.0.1');
    expect(clientAddress('2001:db8::1', '203.0.113.9', new Set([canonicalAddress('2001:0DB8::0001')]))).toBe(
      '203.0.113.9',
    );
  });
});
