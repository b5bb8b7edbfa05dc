import { requestSpanName } from './trace-context.middleware';

describe('the request span’s name (C-49: no ids, tokens or queries)', () => {
  it.each([
    ['POST', '/graphql', 'HTTP POST /graphql'],
    ['GET', '/r/3f9c2b1e0d7a6b5c4d3e2f1a0b9c8d7e', 'HTTP GET /r'],
    ['GET', '/oauth/sandbox/callback', 'HTTP GET /oauth'],
    ['GET', '/', 'HTTP GET /'],
    ['GET', '/%2e%2e/etc', 'HTTP GET /'],
  ])('%s %s → %s', (method, path, name) => expect(requestSpanName(method, path)).toBe(name));
});
