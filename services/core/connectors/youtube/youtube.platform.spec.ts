import { youtubePlatform, YOUTUBE_DEFAULT_BASE_URL, YOUTUBE_MAX_PROCESSING_SECONDS } from './youtube.platform';

describe('the YouTube descriptor', () => {
  const settings = { baseUrl: YOUTUBE_DEFAULT_BASE_URL };

  it('waits longer than YouTube’s processing plus one request before it would upload again', () => {
    const t = youtubePlatform.timing(settings);
    expect(t.settleSeconds).toBeGreaterThan(YOUTUBE_MAX_PROCESSING_SECONDS + t.requestTimeoutMs / 1000);
    expect(youtubePlatform.timing({ ...settings, timeoutMs: 120_000 }).settleSeconds).toBeGreaterThan(
      YOUTUBE_MAX_PROCESSING_SECONDS + 120,
    );
  });

  it('pins v3 with no sunset date, asks for the two minimal scopes, and does not rotate refresh tokens', () => {
    expect(youtubePlatform.apiVersion).toMatchObject({ version: 'v3', sunsetsAt: null });
    expect(youtubePlatform.scopes).toEqual([
      'https://www.googleapis.com/auth/youtube.upload',
      'https://www.googleapis.com/auth/youtube.readonly',
    ]);
    expect(youtubePlatform.tokens).toMatchObject({ refreshable: true, rotatesRefreshToken: false });
    expect(youtubePlatform.capabilities).toMatchObject({ video: true, idempotencyKey: false, requestKeyEcho: false });
  });

  it('the real API host sends browsers to Google’s own consent page', () => {
    const url = youtubePlatform
      .oauth({ ...settings, oauth: { clientId: 'c', redirectUri: 'https://raize.example/oauth/youtube/callback' } })
      .authorizeUrl({ state: 's', codeChallenge: 'x' });
    expect(url.startsWith('https://accounts.google.com/o/oauth2/v2/auth?')).toBe(true);
  });
});
