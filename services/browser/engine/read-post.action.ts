import type { Page } from 'playwright-core';
import type { PagePost } from '../../core/browser/browser-driver.port';
import type { SelectorMap } from '../selector-maps/selector-map.schema';
import { openPage } from './page-navigation';
import { assertPageOk, classifyPage, detectUnexpectedPage } from './page-state';
import { readPostFields } from './post-reads';

/**
 * A post as its page shows it, or null when the platform answers 404 (deleted or never made). A challenge page is an
 * error even on a 404: it hides what the answer would be.
 */
export async function readPostThroughPage(
  page: Page,
  map: SelectorMap,
  baseUrl: string,
  postId: string,
): Promise<PagePost | null> {
  const { status } = await openPage(page, map, baseUrl, 'post', { id: postId });
  if (status === 404 || status === 410) {
    const unexpected = await detectUnexpectedPage(page, map, 'post');
    if (unexpected) assertPageOk({ kind: unexpected }, page, 'post');
    return null;
  }
  assertPageOk(await classifyPage(page, map, 'post'), page, 'post');
  return readPostFields(page, map, baseUrl);
}
