// The account pages as a browser runner meets them: a storage state built from an admin session, the identity
// card read from the page, a consent dialog that really intercepts clicks, and the captcha wall.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { bootSandbox, type TestSandbox } from './sandbox.test-helpers';

const CHROMIUM = '/usr/bin/chromium';
const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;

describeWithChromium('sandbox pages in a real browser', () => {
  let t: TestSandbox;
  let browser: Browser;

  beforeAll(async () => {
    t = await bootSandbox();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t.sandbox.close();
  });

  it('posts through the compose page once the consent dialog that blocks it is accepted', async () => {
    await t.admin.reset();
    const user = await t.admin.createUser({ username: 'pia', password: 'pw', displayName: 'Pia' });
    await t.admin.setChallenge(user.id, 'consent');
    const { cookie } = await t.admin.createSession({ userId: user.id });
    const context = await browser.newContext({ storageState: { cookies: [cookie], origins: [] } });
    try {
      const page = await context.newPage();
      await page.goto(`${t.sandbox.url}/compose`);
      expect(await page.getByTestId('account-identity').getAttribute('data-account-id')).toBe(user.id);
      expect(await page.getByTestId('identity-handle').textContent()).toBe('@pia');

      await page.getByTestId('compose-text').fill('through the browser');
      await expect(page.getByTestId('compose-submit').click({ timeout: 1500 })).rejects.toThrow(/intercepts pointer/);
      expect(await t.admin.listPosts()).toEqual([]);

      await page.getByTestId('consent-accept').click();
      await page.waitForURL(`${t.sandbox.url}/compose`);
      expect(await page.getByTestId('consent-dialog').count()).toBe(0);
      await page.getByTestId('compose-text').fill('through the browser');
      await page.getByTestId('compose-submit').click();
      await page.waitForURL(/\/p\/sbx_p_/);
      expect(await page.getByTestId('post-author').getAttribute('data-author-id')).toBe(user.id);
      expect(await page.getByTestId('post-text').textContent()).toBe('through the browser');

      await t.admin.setChallenge(user.id, 'captcha');
      await page.goto(`${t.sandbox.url}/compose`);
      expect(await page.getByTestId('captcha-title').textContent()).toBe('Are you a robot?');
      expect(await page.getByTestId('compose-text').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
