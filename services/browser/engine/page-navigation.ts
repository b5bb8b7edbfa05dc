import { errors, type Page } from 'playwright-core';
import type { PageKey, SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { ENGINE_TIMEOUTS } from './engine-timeouts';
import { pageUrl, safeUrl, type PageParams } from './page-url';

/** Opens a map page and returns the HTTP status it answered with (null when there was no response, e.g. a hash). */
export async function openPage(
  page: Page,
  map: SelectorMap,
  baseUrl: string,
  key: PageKey,
  params: PageParams = {},
): Promise<{ url: string; status: number | null }> {
  const url = pageUrl(map, baseUrl, key, params);
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: ENGINE_TIMEOUTS.navigationMs });
    return { url, status: response?.status() ?? null };
  } catch (err) {
    throw navigationError(err, `the ${key} page`, url);
  }
}

/** A Playwright failure while moving between pages, as the lane's error (first line only: no page content). */
export function navigationError(err: unknown, what: string, url: string, submitted = false): BrowserLaneError {
  if (err instanceof BrowserLaneError) return err;
  if (err instanceof errors.TimeoutError) {
    return new BrowserLaneError('timeout', `${what} did not load in time`, { url: safeUrl(url), submitted });
  }
  const firstLine = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  const reason = firstLine.replace(/\b(?:https?|wss?):\/\/\S+/g, (u) => safeUrl(u));
  return new BrowserLaneError('navigation', `${what} could not be opened: ${reason}`, { url: safeUrl(url), submitted });
}
