import { ArtifactRejectedError } from '../../../core/artifacts/artifact.errors';
import { storedBrowserProof } from './browser-proof.schema';
import { PROOF_URL_SECONDS, signProof } from './post-browser-proof.service';

const AGENCY = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const key = (client: string, kind: string, n: string, ext: string) =>
  `${AGENCY}/${client}/${kind}/${n.repeat(64)}.${ext}`;

function fakeStore(missing: string[] = []) {
  const asked: { key: string; clientId: string; expiresInSeconds?: number }[] = [];
  return {
    asked,
    async signedUrl(ref: { key: string; clientId: string }, opts?: { expiresInSeconds?: number }) {
      asked.push({ ...ref, expiresInSeconds: opts?.expiresInSeconds });
      if (missing.includes(ref.key)) throw new ArtifactRejectedError('not_found', 'no such artifact');
      return `https://raize.test/artifacts/signed-${asked.length}`;
    },
  };
}

const step = (over: Partial<Record<string, unknown>> = {}) => ({
  step: 'compose',
  url: 'https://platform.test/compose',
  screenshotKey: key(CLIENT, 'proof', 'a', 'png'),
  domKey: key(CLIENT, 'proof', 'b', 'txt'),
  masked: 2,
  at: '2026-03-01T10:00:00.000Z',
  ...over,
});

describe('the browser proof of a post, signed on read', () => {
  const now = new Date('2026-03-01T10:05:00.000Z');

  it('[C-44] gives each step its page, time, masked count and five-minute links, never the keys', async () => {
    const store = fakeStore();
    const out = await signProof(store, CLIENT, { selectorMapVersion: 'sandbox@v1', steps: [step()] }, now);
    expect(out.steps).toEqual([
      {
        step: 'compose',
        url: 'https://platform.test/compose',
        at: new Date('2026-03-01T10:00:00.000Z'),
        masked: 2,
        screenshotUrl: 'https://raize.test/artifacts/signed-1',
        domUrl: 'https://raize.test/artifacts/signed-2',
      },
    ]);
    expect(out.linksExpireAt).toEqual(new Date(now.getTime() + PROOF_URL_SECONDS * 1000));
    expect(store.asked.every((a) => a.expiresInSeconds === PROOF_URL_SECONDS && a.clientId === CLIENT)).toBe(true);
    expect(JSON.stringify(out)).not.toContain(AGENCY);
  });

  it('[C-46] never signs a key of another client or of another kind, and does not even ask the store', async () => {
    const store = fakeStore();
    const out = await signProof(
      store,
      CLIENT,
      {
        selectorMapVersion: 'sandbox@v1',
        steps: [step({ screenshotKey: key(OTHER, 'proof', 'c', 'png'), domKey: key(CLIENT, 'image', 'd', 'png') })],
      },
      now,
    );
    expect(out.steps[0]).toMatchObject({ screenshotUrl: null, domUrl: null });
    expect(store.asked).toEqual([]);
  });

  it('a missing artifact leaves only its own link out', async () => {
    const store = fakeStore([key(CLIENT, 'proof', 'a', 'png')]);
    const out = await signProof(store, CLIENT, { selectorMapVersion: 'sandbox@v1', steps: [step()] }, now);
    expect(out.steps[0]!.screenshotUrl).toBeNull();
    expect(out.steps[0]!.domUrl).toMatch(/^https:\/\/raize\.test\/artifacts\//);
  });

  it('reads only the shape the runner writes', () => {
    expect(storedBrowserProof.safeParse({ lane: 'browser', selectorMapVersion: 'v', steps: [step()] }).success).toBe(
      true,
    );
    expect(storedBrowserProof.safeParse({ lane: 'api', selectorMapVersion: 'v', steps: [] }).success).toBe(false);
    expect(
      storedBrowserProof.safeParse({ lane: 'browser', selectorMapVersion: 'v', steps: [step({ masked: -1 })] }).success,
    ).toBe(false);
    expect(
      storedBrowserProof.safeParse({ lane: 'browser', selectorMapVersion: 'v', steps: [step({ at: 'yesterday' })] })
        .success,
    ).toBe(false);
  });
});
