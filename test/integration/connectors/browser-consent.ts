/**
 * What a browser does on an emulator's consent dialog (services/emulators/platforms/kit/consent.ts): open the page
 * the authorize URL points at, pick the account, post the form back and read the redirect (code and state).
 */
export async function consentAs(authorizeUrl: string, accountId: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`data-account="${accountId}"`);
  const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&');
  const answer = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: accountId }).toString(),
    redirect: 'manual',
  });
  await answer.arrayBuffer();
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}
