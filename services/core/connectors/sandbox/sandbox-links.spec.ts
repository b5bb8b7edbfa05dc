import { api, bootSandbox, userWithToken, type TestSandbox } from '../../../sandbox/sandbox.test-helpers';
import type { ConnectorCredential, PlatformSettings } from '../connector.types';
import { createConnectorWriter } from '../writer-registry';
import { sandboxPlatform } from './sandbox.platform';

/** What the connector hands the rest of Raize for a post the sandbox links at `publicUrl`. */
async function postThrough(t: TestSandbox, settings: Omit<PlatformSettings, 'baseUrl'>) {
  const u = await userWithToken(t);
  const cred: ConnectorCredential = { accessToken: u.token };
  const s = { ...settings, baseUrl: t.sandbox.url, timeoutMs: 2000 };
  const published = (await createConnectorWriter('sandbox', s).publish(cred, { text: 'a link', media: [] }, 'k-1'))
    .post;
  const read = await sandboxPlatform.createReader(s).readPost(cred, published.postId);
  const listed = [];
  for await (const p of sandboxPlatform.createReader(s).ownPostsSince(cred, new Date(0))) listed.push(p);
  return { published, read: read!, listed, cred };
}

describe('[C-15] links the sandbox returns, as the connector hands them on', () => {
  const booted: TestSandbox[] = [];
  const boot = async (publicUrl?: string) => {
    const t = await bootSandbox(publicUrl ? { publicUrl } : {});
    booted.push(t);
    return t;
  };
  afterAll(() => Promise.all(booted.map((t) => t.sandbox.close())));

  it('[C-15] keeps the loopback http link in development and test', async () => {
    const t = await boot();
    const { published, read, listed } = await postThrough(t, { allowLoopbackHttpLinks: true });
    expect(published.url).toBe(`${t.sandbox.url}/p/${published.postId}`);
    expect(published.urlRefused).toBeUndefined();
    expect(read.url).toBe(published.url);
    expect(listed[0].url).toBe(published.url);
  });

  it('[C-15] drops the loopback http link in production, with a reason, in the writer and the reader', async () => {
    const t = await boot();
    const { published, read, listed } = await postThrough(t, { allowLoopbackHttpLinks: false });
    for (const p of [published, read, listed[0]]) {
      expect(p.url).toBe('');
      expect(p.raw.url).toBe('');
      expect(p.urlRefused).toMatch(/plain http/);
    }
    // The post itself is intact: only its link is not passed on.
    expect(published).toMatchObject({ text: 'a link', postId: read.postId });
  });

  it('[C-15] drops a link to another host or a script link even where loopback http is allowed', async () => {
    for (const publicUrl of ['http://attacker.example', 'javascript:alert(1)//']) {
      const t = await boot(publicUrl);
      const { published, read, cred } = await postThrough(t, { allowLoopbackHttpLinks: true });
      // The platform really answered with that link; the connector is what drops it.
      const raw = await api<{ url: string }>(t.sandbox.url, `/posts/${published.postId}`, { token: cred.accessToken });
      expect(raw.body.url).toBe(`${publicUrl.replace(/\/+$/, '')}/p/${published.postId}`);
      expect(published.url).toBe('');
      expect(read.url).toBe('');
      expect(published.urlRefused).toMatch(/the platform's link/);
    }
  });

  it('[C-15] keeps an https link', async () => {
    const t = await boot('https://sandbox.example');
    const { published } = await postThrough(t, { allowLoopbackHttpLinks: false });
    expect(published.url).toBe(`https://sandbox.example/p/${published.postId}`);
  });
});
