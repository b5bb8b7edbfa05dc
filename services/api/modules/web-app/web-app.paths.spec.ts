import { isApiPath, looksLikeFile } from './web-app.paths';

describe('which paths the admin app answers', () => {
  it('leaves the API its own paths', () => {
    for (const p of [
      '/graphql',
      '/oauth/sandbox/callback',
      '/health',
      '/codec/decode',
      '/r/rpt_abc',
      '/r/rpt_abc/view',
    ])
      expect(isApiPath(p)).toBe(true);
    for (const p of ['/', '/clients', '/c/123/calendar', '/graphqlish', '/healthy']) expect(isApiPath(p)).toBe(false);
  });

  it('treats a path with an extension as a file, so a missing asset is a 404 and not the app', () => {
    expect(looksLikeFile('/assets/index-abc.js')).toBe(true);
    expect(looksLikeFile('/favicon.svg')).toBe(true);
    expect(looksLikeFile('/c/0b0e/posts/12ab')).toBe(false);
    expect(looksLikeFile('/')).toBe(false);
  });
});
