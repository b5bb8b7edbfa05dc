import { hostAllowed } from './domain-allowlist';

describe('hostAllowed', () => {
  const domains = ['api.example.com', 'Example.ORG.', '127.0.0.1'];

  it('allows a listed host and its subdomains, whatever the case or a trailing dot', () => {
    expect(hostAllowed('api.example.com', domains)).toBe(true);
    expect(hostAllowed('v2.API.example.com.', domains)).toBe(true);
    expect(hostAllowed('example.org', domains)).toBe(true);
    expect(hostAllowed('cdn.example.org', domains)).toBe(true);
  });

  it('refuses look-alikes, parents and unlisted hosts', () => {
    expect(hostAllowed('example.com', domains)).toBe(false);
    expect(hostAllowed('evilapi.example.com', domains)).toBe(false);
    expect(hostAllowed('api.example.com.evil.net', domains)).toBe(false);
    expect(hostAllowed('notexample.org', domains)).toBe(false);
    expect(hostAllowed('', domains)).toBe(false);
  });

  it('allows an IP literal only as listed', () => {
    expect(hostAllowed('127.0.0.1', domains)).toBe(true);
    expect(hostAllowed('127.0.0.2', domains)).toBe(false);
    expect(hostAllowed('[::1]', domains)).toBe(false);
  });

  it('an empty allowlist allows nothing, and an empty entry matches nothing', () => {
    expect(hostAllowed('example.org', [])).toBe(false);
    expect(hostAllowed('example.org', ['', ' ', '.'])).toBe(false);
  });
});
