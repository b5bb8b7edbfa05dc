import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { PlatformAccount } from '../../services/core/database/entities';
import type { InstagramEmulator } from '../../services/emulators/platforms/instagram/instagram.emulator';
import { startInstagramEmulator } from '../../services/emulators/platforms/instagram/instagram.emulator';
import { renderJpeg } from '../factories/media';
import { getPost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import { localInputValue } from './support/client-time';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { releaseEmulatedAccounts } from '../factories/connect-emulated';
import { ensureWebBuild } from './support/web-build';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const TZ = 'Europe/Berlin';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The admin app on a real platform's wire format: the connect dialog offers the platforms this installation is set up
 * for, the OAuth flow runs through the Instagram emulator's consent dialog, and the composer uploads a JPEG, shows
 * the platform's rules and the API's refusal of a shape Instagram does not take. Reconnect keeps the account (C-19).
 */
describe('the admin app on Instagram (emulator): connect through the consent dialog, compose with media, reconnect', () => {
  let stack: TestStack;
  let instagram: InstagramEmulator;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  const contexts: BrowserContext[] = [];
  // The account the first case connects; the later cases publish to it and reconnect it.
  let account: { id: string; handle: string; externalAccountId: string } | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    instagram = await startInstagramEmulator();
    stack = await startTestStack({ withWorker: true, platforms: [instagram] });
    b = await launchBrowser();
    t = await seedTenantWithLogins(stack.ds, AUTONOMOUS, TZ);
  });
  afterAll(async () => {
    if (stack && t) await releaseEmulatedAccounts(stack, [t.clientId]);
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
    await instagram?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInThroughUi(page, email);
    return page;
  }

  /** Opens the platform's dialog from the app's link, continues as `handle` there; answers the callback's heading. */
  async function consentAs(page: Page, handle: string): Promise<{ heading: string; body: string }> {
    const [dialog] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('authorize-link').click(),
    ]);
    await dialog.getByRole('heading', { name: 'Instagram (emulator)' }).waitFor();
    await dialog.getByRole('button', { name: `Continue as @${handle}` }).click();
    const heading = dialog.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: /Confirm in Raize|Not connected/ }).waitFor();
    const answer = { heading: await heading.innerText(), body: await dialog.locator('main').innerText() };
    await dialog.close();
    return answer;
  }

  function connected(): { id: string; handle: string; externalAccountId: string } {
    if (!account) throw new Error('the connect case did not connect the Instagram account');
    return account;
  }

  async function composeWithImage(page: Page, text: string, jpeg: Buffer, inSeconds: number): Promise<void> {
    await page.goto(`/c/${t.clientId}/compose`);
    await page.getByLabel('Text').fill(text);
    await page.getByLabel('Account').selectOption({ label: `${connected().handle} · Instagram` });
    await page.getByLabel(/Image or video/).setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.getByTestId('media-facts').waitFor();
    await page.getByLabel(/Publish at/).fill(localInputValue(new Date(Date.now() + inSeconds * 1000), TZ));
  }

  it('the connect dialog offers the configured platforms only; an Admin connects Instagram through its consent dialog', async () => {
    const platforms = await stack.gql<{ platforms: { id: string; displayName: string; configured: boolean }[] }>(
      t.users.admin,
      '{ platforms { id displayName configured } }',
    );
    const list = platforms.data!.platforms;
    const notSetUp = list.filter((p) => !p.configured);
    expect(list.find((p) => p.id === 'instagram')?.configured).toBe(true);
    expect(notSetUp.length).toBeGreaterThan(0);

    const page = await signedIn(t.emails.admin);
    await page.goto(`/c/${t.clientId}/accounts`);
    const picker = page.getByTestId('platform-picker');
    await picker.waitFor();
    for (const p of notSetUp) {
      const option = picker.locator(`[data-platform="${p.id}"]`);
      expect(await option.getByRole('radio').isDisabled()).toBe(true);
      expect(await option.innerText()).toMatch(/not set up on this installation/);
    }
    await picker.getByRole('radio', { name: /^Instagram/ }).check();
    await screenshot(page, 'accounts-connect-platform');
    await page.getByRole('button', { name: 'Connect an Instagram account' }).click();

    const [first] = instagram.accounts();
    const callback = await consentAs(page, first!.handle);
    expect(callback.heading).toBe('Confirm in Raize');
    await page.getByTestId('connect-confirm').waitFor({ timeout: 20_000 });
    const handle = await page.getByTestId('pending-handle').innerText();
    expect(handle).toContain(first!.handle);
    expect(await page.getByTestId('connect-confirm').innerText()).toMatch(/Instagram authorized this account/);
    await page.getByRole('button', { name: `Connect ${handle}` }).click();
    expect(await page.getByTestId('connected-handle').innerText()).toBe(handle);

    const row = await stack.ds.getRepository(PlatformAccount).findOneByOrFail({ clientId: t.clientId });
    expect({ platform: row.platform, externalAccountId: row.externalAccountId, status: row.status }).toEqual({
      platform: 'instagram',
      externalAccountId: first!.id,
      status: 'connected',
    });
    account = { id: row.id, handle: row.handle, externalAccountId: row.externalAccountId };
    const card = page.locator(`[data-account="${row.id}"]`);
    expect(await card.getByTestId('account-platform').innerText()).toMatch(/^on Instagram/);
    await card.locator('[data-status="connected"]').waitFor();
  }, 90_000);

  it('an author composes with a JPEG Instagram takes: the app shows the rules, uploads it, and the post goes out with it', async () => {
    const acc = connected();
    const jpeg = renderJpeg(1080, 1350);
    const text = `Autumn menu is here 🍂 ${Date.now()}`;
    const page = await signedIn(t.emails.author);
    await composeWithImage(page, text, jpeg, 15);
    expect(await page.getByTestId('text-counter').innerText()).toBe(
      `${[...text].length} / 2200 characters (Instagram’s limit).`,
    );
    expect(await page.getByTestId('requires-media').innerText()).toMatch(/Instagram posts need an image or a video/);
    const facts = page.getByTestId('media-facts');
    expect(await facts.getAttribute('data-content-type')).toBe('image/jpeg');
    expect(await facts.innerText()).toContain(`image (image/jpeg), ${Math.round(jpeg.length / 1024)} KB`);
    await screenshot(page, 'compose-media');
    await page.getByRole('button', { name: 'Schedule post' }).click();

    await page.locator('[data-testid="post-status"][data-status="verified"]').waitFor({ timeout: 60_000 });
    const postId = new URL(page.url()).pathname.split('/')[4]!;
    expect((await getPost(stack, t.users.author, postId)).status).toBe('verified');
    const onPlatform = instagram.posts(acc.externalAccountId).filter((p) => p.text === text);
    expect(onPlatform).toHaveLength(1);
    // What Instagram fetched is byte for byte the file the browser uploaded.
    expect(onPlatform[0]!.media.map((m) => m.sha256)).toEqual([sha256(jpeg)]);
  }, 120_000);

  it('a 1500×500 JPEG is refused when scheduled, with Instagram’s aspect-ratio rule next to the form; nothing is scheduled', async () => {
    connected();
    const jobsBefore = await jobCount(stack, t.clientId);
    const page = await signedIn(t.emails.author);
    await composeWithImage(page, 'Wide banner for the autumn menu', renderJpeg(1500, 500), 3600);
    await page.getByRole('button', { name: 'Schedule post' }).click();
    const alert = page.locator('form').getByTestId('error');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/The platform would refuse this post/);
    expect(await alert.innerText()).toMatch(/1500×500; Instagram allows at most a width\/height ratio of 1\.91/);
    await screenshot(page, 'compose-refused');
    expect(new URL(page.url()).pathname).toBe(`/c/${t.clientId}/compose`);
    expect(await jobCount(stack, t.clientId)).toBe(jobsBefore);
  }, 60_000);

  it('[C-19] an account that needs reconnecting shows why and a Reconnect button; another identity is refused, the same one restores the account', async () => {
    const acc = connected();
    // The user removed the app on Instagram and the token workflow noticed: the account waits for a reconnect.
    instagram.revokeApp(acc.externalAccountId);
    await stack.ds
      .getRepository(PlatformAccount)
      .update({ id: acc.id }, { status: 'needs_reconnect', statusReason: 'token_revoked' });

    const page = await signedIn(t.emails.admin);
    await page.goto(`/c/${t.clientId}/accounts`);
    const card = page.locator(`[data-account="${acc.id}"]`);
    await card.locator('[data-status="needs_reconnect"]').waitFor();
    // The platform's display name arrives with the platforms list; the reason reads as a sentence once it has.
    await card
      .getByTestId('status-reason')
      .filter({ hasText: /Instagram no longer accepts this connection/ })
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'accounts-needs-reconnect');

    // Signed in at Instagram as another account: the callback refuses it and Raize is never asked to confirm.
    await card.getByRole('button', { name: 'Reconnect' }).click();
    const [first, second] = instagram.accounts();
    const wrong = await consentAs(page, second!.handle);
    expect(wrong.heading).toBe('Not connected');
    await page.waitForTimeout(2000);
    expect(await page.getByTestId('connect-confirm').count()).toBe(0);
    expect((await stack.ds.getRepository(PlatformAccount).findOneByOrFail({ id: acc.id })).status).toBe(
      'needs_reconnect',
    );
    await page.getByRole('button', { name: 'Stop waiting' }).click();

    // The same account: confirmed, the row (its id and history) is connected again.
    await card.getByRole('button', { name: 'Reconnect' }).click();
    const right = await consentAs(page, first!.handle);
    expect(right.heading).toBe('Confirm in Raize');
    await page.getByTestId('connect-confirm').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('connect-confirm').innerText()).toMatch(/^Reconnect/);
    await page.getByRole('button', { name: `Connect ${acc.handle}` }).click();
    await page.getByTestId('connected-handle').waitFor();
    await card.locator('[data-status="connected"]').waitFor();
    expect(await card.getByRole('button', { name: 'Reconnect' }).count()).toBe(0);
    const rows = await stack.ds.getRepository(PlatformAccount).findBy({ clientId: t.clientId });
    expect(rows.map((r) => ({ id: r.id, status: r.status }))).toEqual([{ id: acc.id, status: 'connected' }]);
  }, 90_000);
});

async function jobCount(stack: TestStack, clientId: string): Promise<number> {
  const rows = await stack.ds.query<{ count: string }[]>('SELECT count(*) FROM publish_jobs WHERE client_id = $1', [
    clientId,
  ]);
  return Number(rows[0]!.count);
}
