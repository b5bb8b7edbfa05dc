import type { Page } from 'playwright-core';
import type { PagePost } from '../../core/browser/browser-driver.port';
import type { SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { readField } from './page-read';
import { pageUrl, safeUrl } from './page-url';

/** Reads a post page's fields per the map; a field that is not there is drift (the page was classified ok before). */
export async function readPostFields(page: Page, map: SelectorMap, baseUrl: string): Promise<PagePost> {
  const reads = map.reads.post;
  const values: Partial<Record<keyof typeof reads, string>> = {};
  const missing: string[] = [];
  for (const field of ['postId', 'text', 'authorExternalId', 'createdAt'] as const) {
    const read = await readField(page, map, reads[field]);
    if (read.ok) values[field] = read.value;
    else missing.push(...read.keys);
  }
  if (missing.length) {
    throw new BrowserLaneError('selector_drift', `the post page lacks ${missing.join(', ')}`, {
      missing,
      url: safeUrl(page.url()),
    });
  }
  return {
    postId: values.postId!,
    url: pageUrl(map, baseUrl, 'post', { id: values.postId! }),
    text: values.text!,
    authorExternalId: values.authorExternalId!,
    createdAt: values.createdAt!,
  };
}
