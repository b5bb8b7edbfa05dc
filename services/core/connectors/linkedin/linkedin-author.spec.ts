import { bindOrganization, organizationIdOf, readCredential, rebind } from './linkedin-author';

describe('LinkedIn credential binding', () => {
  it('a bare token is the member’s; a bound one names the Page and strips to the token LinkedIn issued', () => {
    expect(readCredential({ accessToken: 'AQV-abc_123' })).toEqual({ token: 'AQV-abc_123', organizationId: null });
    const bound = bindOrganization('AQV-abc_123', '2414183');
    expect(bound).toBe('li-org:2414183:AQV-abc_123');
    expect(readCredential({ accessToken: bound })).toEqual({ token: 'AQV-abc_123', organizationId: '2414183' });
  });

  it('a refresh keeps the binding; binding twice does not nest; a non-numeric Page id is refused', () => {
    const bound = bindOrganization('old', '42');
    expect(rebind(bound, 'new')).toBe('li-org:42:new');
    expect(rebind('old', 'new')).toBe('new');
    expect(bindOrganization(bound, '43')).toBe('li-org:43:old');
    expect(() => bindOrganization('t', '42:evil')).toThrow(/numeric/);
    expect(organizationIdOf('urn:li:organization:42')).toBe('42');
    expect(organizationIdOf('urn:li:person:42')).toBeNull();
  });
});
