import type { Page } from 'playwright-core';
import type { PagePost } from '../../core/browser/browser-driver.port';
import type { SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { openPage } from './page-navigation';
import { readField } from './page-read';
import { assertPageOk, classifyPage, detectUnexpectedPage } from './page-state';
import { pageUrl, safeUrl } from './page-url';

/**
 * The posts a profile page lists, newest first: what reconciliation reads after a publish whose outcome is unknown.
 * Every item must show all its fields; an item that does not is drift, never skipped (a skipped item could be the
 * very post we are looking for).
 */
export async function listPostsThroughPage(
  page: Page,
  map: SelectorMap,
  baseUrl: string,
  username: string,
): Promise<PagePost[]> {
  const { status } = await openPage(page, map, baseUrl, 'profile', { username });
  if (status === 404) {
    const unexpected = await detectUnexpectedPage(page, map, 'profile');
    if (unexpected) assertPageOk({ kind: unexpected }, page, 'profile');
    throw new BrowserLaneError('navigation', 'the platform has no profile page for this account', {
      url: safeUrl(page.url()),
    });
  }
  assertPageOk(await classifyPage(page, map, 'profile'), page, 'profile');
  const reads = map.reads.profile;
  const url = safeUrl(page.url());
  const owner = await readField(page, map, reads.ownerExternalId);
  if (!owner.ok) {
    throw new BrowserLaneError('selector_drift', `the profile page lacks ${owner.keys.join(', ')}`, {
      missing: owner.keys,
      url,
    });
  }
  const itemSpec = map.selectors[reads.item];
  if (!itemSpec) throw new TypeError(`the selector map has no key ${reads.item}`);
  const items = await page.locator(`css=${itemSpec.css}`).all();
  const posts: PagePost[] = [];
  for (const item of items) {
    const scope = { key: reads.item, item };
    const values: Partial<Record<'postId' | 'text' | 'createdAt', string>> = {};
    const missing: string[] = [];
    for (const field of ['postId', 'text', 'createdAt'] as const) {
      const read = await readField(page, map, reads[field], scope);
      if (read.ok) values[field] = read.value;
      else missing.push(...read.keys);
    }
    if (missing.length) {
      throw new BrowserLaneError('selector_drift', `a post on the profile page lacks ${missing.join(', ')}`, {
        missing,
        url,
      });
    }
    posts.push({
      postId: values.postId!,
      url: pageUrl(map, baseUrl, 'post', { id: values.postId! }),
      text: values.text!,
      authorExternalId: owner.value,
      createdAt: values.createdAt!,
    });
  }
  // Stable: posts with the same timestamp keep the page's order.
  return posts
    .map((post, index) => ({ post, index, at: Date.parse(post.createdAt) }))
    .sort((a, b) => (Number.isNaN(b.at) || Number.isNaN(a.at) ? 0 : b.at - a.at) || a.index - b.index)
    .map((x) => x.post);
}
