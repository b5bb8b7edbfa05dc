import { errors, type Page } from 'playwright-core';
import type { PageIdentity } from '../../core/browser/browser-driver.port';
import type { SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { ENGINE_TIMEOUTS } from './engine-timeouts';
import type { InPageField, InPageWindow } from './in-page-dom';
import { navigationError, openPage } from './page-navigation';
import { readIdentity } from './page-identity';
import { readField } from './page-read';
import { assertPageOk, classifyPage, detectUnexpectedPage } from './page-state';
import { matchPageUrl, pageUrl, safeUrl } from './page-url';

export interface PublishThroughPageInput {
  text: string;
  /** the platform's idempotency key: a repeated submission with it gives back the first post */
  requestKey: string;
  /**
   * Called with the identity the compose page shows, before anything is filled or clicked; throw to stop (C-41: the
   * identity must match the profile's signed manifest on the very page the click happens on).
   */
  confirmIdentity?: (identity: PageIdentity) => Promise<void> | void;
}

export interface PublishedThroughPage {
  postId: string;
  url: string;
}

function selectorCss(map: SelectorMap, key: string): string {
  const spec = map.selectors[key];
  if (!spec) throw new TypeError(`the selector map has no key ${key}`);
  return `css=${spec.css}`;
}

// Runs in the page: puts the key in the compose form's own field, or adds a hidden field when the form has none.
function setRequestKey(textarea: InPageField, arg: { field: string; value: string }): boolean {
  const d = (globalThis as unknown as InPageWindow).document;
  const form = textarea.form;
  if (!form) return false;
  let input = form.elements.namedItem(arg.field) as InPageField | null;
  if (!input || input.tagName !== 'INPUT') {
    input = d.createElement('input') as InPageField;
    input.setAttribute('type', 'hidden');
    input.setAttribute('name', arg.field);
    form.appendChild(input);
  }
  input.value = arg.value;
  return true;
}

/**
 * Publishes a post through the compose page: open it, check it is the page the map describes (C-43), read and confirm
 * the identity (C-41), fill the text and the request key, click submit once, wait for the post's page and read the
 * post id from the page itself. Nothing is retried here. Any error thrown after the click has `submitted: true`: the
 * post may exist, and the caller must read back (the profile's posts) rather than submit again.
 */
export async function publishThroughPage(
  page: Page,
  map: SelectorMap,
  baseUrl: string,
  input: PublishThroughPageInput,
): Promise<PublishedThroughPage> {
  if (!input.text.trim()) throw new TypeError('a post needs text');
  if (!/^[\x21-\x7e]{1,200}$/.test(input.requestKey))
    throw new TypeError('the request key must be 1-200 visible ASCII');
  await openPage(page, map, baseUrl, 'compose');
  assertPageOk(await classifyPage(page, map, 'compose'), page, 'compose');
  const identity = await readIdentity(page, map);
  if (identity.kind === 'drift') {
    throw new BrowserLaneError('selector_drift', `the identity card is missing: ${identity.missing.join(', ')}`, {
      missing: identity.missing,
      url: safeUrl(page.url()),
    });
  }
  await input.confirmIdentity?.(identity.identity);

  const form = map.forms.compose;
  const textarea = page.locator(selectorCss(map, form.text));
  await textarea.fill(input.text, { timeout: ENGINE_TIMEOUTS.elementMs });
  const keySet = await textarea.evaluate(setRequestKey, { field: form.requestKeyField, value: input.requestKey });
  if (!keySet) {
    throw new BrowserLaneError('selector_drift', 'the compose text is not inside a form', {
      missing: [form.text],
      url: safeUrl(page.url()),
    });
  }

  // One submit leads to one page: the post's own, or whatever the platform answered instead (an error, a
  // challenge). The wait starts before the click (the redirect can finish before click() returns).
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: ENGINE_TIMEOUTS.afterSubmitMs,
  });
  // if the click throws, the wait is abandoned: its rejection must not surface as an unhandled one
  navigated.catch(() => undefined);
  try {
    await page.locator(selectorCss(map, form.submit)).click({ timeout: ENGINE_TIMEOUTS.elementMs, noWaitAfter: true });
  } catch (err) {
    // The click may or may not have reached the page: treat the outcome as unknown.
    throw navigationError(err, 'the submit button', page.url(), true);
  }
  try {
    await navigated;
    await page.waitForLoadState('load', { timeout: ENGINE_TIMEOUTS.navigationMs });
  } catch (err) {
    if (err instanceof errors.TimeoutError) {
      throw new BrowserLaneError('timeout', 'no page came back after submit: the outcome is unknown', {
        url: safeUrl(page.url()),
        submitted: true,
      });
    }
    throw navigationError(err, 'the page after submit', page.url(), true);
  }
  if (!matchPageUrl(map, baseUrl, 'post', page.url())) {
    const unexpected = await detectUnexpectedPage(page, map);
    if (unexpected) assertPageOk({ kind: unexpected }, page, 'post', { submitted: true });
    throw new BrowserLaneError('navigation', 'the platform answered the submit with another page than the post', {
      url: safeUrl(page.url()),
      submitted: true,
    });
  }

  assertPageOk(await classifyPage(page, map, 'post'), page, 'post', { submitted: true });
  const read = await readField(page, map, map.reads.post.postId);
  if (!read.ok) {
    throw new BrowserLaneError('selector_drift', `the post page shows no post id: ${read.keys.join(', ')}`, {
      missing: read.keys,
      url: safeUrl(page.url()),
      submitted: true,
    });
  }
  // The id comes from the page; the URL must name the same post, or we are looking at another one.
  const fromUrl = matchPageUrl(map, baseUrl, 'post', page.url())?.id;
  if (fromUrl !== read.value) {
    throw new BrowserLaneError('navigation', 'the post page shows a different post than its address names', {
      url: safeUrl(page.url()),
      submitted: true,
    });
  }
  return { postId: read.value, url: pageUrl(map, baseUrl, 'post', { id: read.value }) };
}
