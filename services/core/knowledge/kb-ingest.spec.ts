import { FetchBlockedError } from '../net/guarded-fetch';
import type { GuardedFetchResponse } from '../net/guarded-fetch';
import { KnowledgeInputError, prepareKbSource } from './kb-ingest';
import { kbSourceInputSchema } from './kb-source-input';

const answer = (body: string, contentType: string, status = 200): GuardedFetchResponse => ({
  status,
  url: 'https://brand.example/about',
  headers: { 'content-type': contentType },
  contentType,
  body: Buffer.from(body, 'latin1'),
});

describe('prepareKbSource', () => {
  it('reads a URL through the fetcher it is given, with the title of the page', async () => {
    const calls: string[] = [];
    const fetch = (url: string) => {
      calls.push(url);
      return Promise.resolve(
        answer('<title>About Acme</title><p>We roast caf\xe9.</p>', 'text/html; charset=iso-8859-1'),
      );
    };
    const p = await prepareKbSource({ kind: 'url', url: 'https://brand.example/about' }, { fetch, fetchOptions: {} });
    expect(calls).toEqual(['https://brand.example/about']);
    expect(p).toMatchObject({
      kind: 'url',
      title: 'About Acme',
      contentType: 'text/html',
      text: 'About Acme\nWe roast café.',
    });
    expect(p.sourceUrl).toBe('https://brand.example/about');
  });

  it('turns a blocked fetch into an input error carrying the reason', async () => {
    const fetch = () => Promise.reject(new FetchBlockedError('private_address', '10.0.0.1'));
    const err = await prepareKbSource({ kind: 'url', url: 'http://10.0.0.1/' }, { fetch, fetchOptions: {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(KnowledgeInputError);
    expect(err).toMatchObject({ code: 'fetch_blocked', fetchReason: 'private_address' });
  });

  it.each([
    [answer('x', 'image/png'), 'unsupported_type'],
    [answer('missing', 'text/html', 404), 'fetch_failed'],
    [answer('<script>only()</script>', 'text/html'), 'empty'],
  ])('refuses a fetched answer: %#', async (res, code) => {
    const err = await prepareKbSource(
      { kind: 'url', url: 'https://x.example/' },
      { fetch: () => Promise.resolve(res), fetchOptions: {} },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
  });

  it('takes files by claimed type or, for a generic claim, by name; refuses binary and other types', async () => {
    const csv = await prepareKbSource({
      kind: 'file',
      fileName: 'faq.csv',
      contentType: 'application/octet-stream',
      content: 'q,a\nWhy,Because',
    });
    expect(csv).toMatchObject({ contentType: 'text/csv', title: 'faq.csv', text: 'q: Why; a: Because' });
    await expect(
      prepareKbSource({ kind: 'file', fileName: 'logo.txt', contentType: 'image/png', content: 'x' }),
    ).rejects.toMatchObject({ code: 'unsupported_type' });
    await expect(
      prepareKbSource({ kind: 'file', fileName: 'a.txt', contentType: 'text/plain', content: 'PNG\u0000\u0001' }),
    ).rejects.toMatchObject({ code: 'binary' });
    await expect(
      prepareKbSource({ kind: 'file', fileName: 'page.html', contentType: 'text/html', content: '<p>x</p>' }),
    ).rejects.toMatchObject({ code: 'unsupported_type' });
  });

  it('the input schema caps sizes and refuses fields of another kind', () => {
    expect(kbSourceInputSchema.safeParse({ kind: 'text', title: 't', text: 'x'.repeat(200_001) }).success).toBe(false);
    expect(kbSourceInputSchema.safeParse({ kind: 'text', title: 't', text: 'ok', url: 'https://x' }).success).toBe(
      false,
    );
    expect(
      kbSourceInputSchema.safeParse({ kind: 'file', fileName: '../x.txt', contentType: 'text/plain', content: 'x' })
        .success,
    ).toBe(false);
    expect(
      kbSourceInputSchema.safeParse({
        kind: 'file',
        fileName: 'x.txt',
        contentType: 'text/plain',
        content: 'é'.repeat(500_001),
      }).success,
    ).toBe(false);
  });
});
