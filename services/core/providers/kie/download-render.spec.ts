import type { ProviderCallContext } from '../provider.types';
import { ProviderError } from '../provider.types';
import { downloadRender, sniffVideo } from './download-render';

const ctx = (baseUrl?: string): ProviderCallContext => ({
  agencyId: 'a',
  clientId: 'c',
  credential: { provider: 'kie', apiKey: 'k', credentialRefId: 'r', scope: 'client' },
  timeoutMs: 1_000,
  ...(baseUrl && { baseUrl }),
});

async function failureOf(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error('expected a ProviderError');
  return err;
}

describe('downloadRender', () => {
  // Port 9 (discard) on loopback: were the URL fetched, the answer would be a network failure (unavailable).
  it('fetches only https from a vendor reached at its documented URL', async () => {
    const err = await failureOf(downloadRender('kie', ctx(), 'http://127.0.0.1:9/v/clip.mp4'));
    expect(err.failure).toBe('bad_request');
    expect(err.message).not.toContain('127.0.0.1');
  });

  it('refuses URLs with credentials, other schemes and non-URLs', async () => {
    for (const url of ['https://user:pw@cdn.example/clip.mp4', 'file:///etc/passwd', 'not a url']) {
      expect((await failureOf(downloadRender('kie', ctx('http://127.0.0.1:9'), url))).failure).toBe('bad_request');
    }
  });

  it('allows http when the vendor itself is reached through an overridden base (emulators)', async () => {
    const err = await failureOf(downloadRender('kie', ctx('http://127.0.0.1:9'), 'http://127.0.0.1:9/v/clip.mp4'));
    expect(err.failure).toBe('unavailable');
  });
});

describe('sniffVideo', () => {
  it('knows MP4 by its ftyp box and WebM by its EBML magic, and nothing else', () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0', 'latin1')]);
    expect(sniffVideo(mp4)).toBe('video/mp4');
    expect(sniffVideo(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0]))).toBe('video/webm');
    expect(sniffVideo(Buffer.from('<html>not a video</html>'))).toBeUndefined();
    expect(sniffVideo(Buffer.alloc(0))).toBeUndefined();
  });
});
