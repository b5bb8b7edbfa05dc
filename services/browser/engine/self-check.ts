import type { BrowserContext } from 'playwright-core';
import type { PageKey, SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { openPage } from './page-navigation';
import { readField } from './page-read';
import { classifyPage, type PageState } from './page-state';
import { pageUrl, safeUrl, type PageParams } from './page-url';

export type SelfCheckResult =
  PageState | { kind: 'skipped'; reason: string } | { kind: 'error'; error: BrowserLaneError['kind']; message: string };

export interface SelfCheckReport {
  /** every page walked showed what the map expects (skipped pages do not count against it) */
  ok: boolean;
  pages: { page: PageKey; url: string; result: SelfCheckResult }[];
}

/**
 * Walks the map's self-check pages in a context signed in as `who` and classifies each against the keys the map
 * expects there: a read-only check, run before a profile may act and after a map change. The post page is checked
 * with the newest post the profile lists; a profile with none skips it. It clicks nothing.
 */
export async function selfCheck(
  ctx: BrowserContext,
  map: SelectorMap,
  baseUrl: string,
  who: { username: string },
): Promise<SelfCheckReport> {
  const page = await ctx.newPage();
  const pages: SelfCheckReport['pages'] = [];
  let newestPostId: string | undefined;
  try {
    for (const step of map.selfCheck) {
      const params: PageParams = { username: who.username };
      if (step.page === 'post') {
        if (!newestPostId) {
          pages.push({ page: step.page, url: '', result: { kind: 'skipped', reason: 'the profile lists no post' } });
          continue;
        }
        params.id = newestPostId;
      }
      const url = safeUrl(pageUrl(map, baseUrl, step.page, params));
      let result: SelfCheckResult;
      try {
        await openPage(page, map, baseUrl, step.page, params);
        result = await classifyPage(page, map, step.page, { require: step.expect });
      } catch (err) {
        if (!(err instanceof BrowserLaneError)) throw err;
        result = { kind: 'error', error: err.kind, message: err.message };
      }
      pages.push({ page: step.page, url, result });
      if (step.page === 'profile' && result.kind === 'ok') {
        const first = page.locator(`css=${map.selectors[map.reads.profile.item]?.css ?? ''}`).first();
        if ((await first.count()) > 0) {
          const id = await readField(page, map, map.reads.profile.postId, { key: map.reads.profile.item, item: first });
          if (id.ok) newestPostId = id.value;
        }
      }
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  return { ok: pages.every((p) => p.result.kind === 'ok' || p.result.kind === 'skipped'), pages };
}
