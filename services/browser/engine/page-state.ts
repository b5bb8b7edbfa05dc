import type { Locator, Page } from 'playwright-core';
import type { PageKey, SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { ENGINE_TIMEOUTS } from './engine-timeouts';
import { safeUrl } from './page-url';

/** A page the platform put in front of the one we asked for. */
export type UnexpectedPageKind = 'captcha' | 'consent' | 'login_wall';

export type PageState =
  | { kind: 'ok' }
  | { kind: UnexpectedPageKind }
  | {
      kind: 'drift';
      /** required selector keys not on the page */
      missing: string[];
      /** selector keys that must be unique but are on the page more than once */
      ambiguous: string[];
    };

export interface ClassifyOptions {
  /** the selector keys to require instead of the page's own list (the self-check's expectations) */
  require?: readonly string[];
  /** how long a page may take to show its selectors before drift is concluded */
  settleMs?: number;
}

async function visibleCount(page: Page, css: string): Promise<number> {
  try {
    return await page.locator(`css=${css}`).filter({ visible: true }).count();
  } catch {
    return 0;
  }
}

/**
 * Which challenge page this is, if any: a captcha, a consent wall, or a sign-in page (the sign-in path anywhere, a
 * password field only where we expected a signed-in page). Only visible elements count: an invisible captcha badge
 * is not a wall.
 */
export async function detectUnexpectedPage(
  page: Page,
  map: SelectorMap,
  expected?: PageKey,
): Promise<UnexpectedPageKind | null> {
  const { captcha, consent, loginWall } = map.detectors;
  for (const css of captcha.selectors) if ((await visibleCount(page, css)) > 0) return 'captcha';
  for (const css of consent.selectors) if ((await visibleCount(page, css)) > 0) return 'consent';
  for (const dialog of consent.dialogs) {
    const texts = await page
      .locator(`css=${dialog.selector}`)
      .filter({ visible: true })
      .allTextContents()
      .catch(() => [] as string[]);
    const words = dialog.mentions.map((w) => w.toLowerCase());
    if (texts.some((t) => words.some((w) => t.toLowerCase().includes(w)))) return 'consent';
  }
  let path = '';
  try {
    path = new URL(page.url()).pathname;
  } catch {
    // about:blank and the like: no path to compare
  }
  if (loginWall.paths.includes(path)) return 'login_wall';
  if (expected && map.pages[expected].signedIn) {
    for (const css of loginWall.selectors) if ((await visibleCount(page, css)) > 0) return 'login_wall';
  }
  return null;
}

function locate(page: Page, map: SelectorMap, key: string): Locator {
  const spec = map.selectors[key];
  if (!spec) throw new TypeError(`the selector map has no key ${key}`);
  // A key scoped to a list item is checked inside the first item: the page shows it when it shows any item.
  if (spec.within) return locate(page, map, spec.within).first().locator(`css=${spec.css}`);
  return page.locator(`css=${spec.css}`);
}

async function checkSelectors(
  page: Page,
  map: SelectorMap,
  keys: readonly string[],
): Promise<{ missing: string[]; ambiguous: string[] }> {
  const missing: string[] = [];
  const ambiguous: string[] = [];
  for (const key of keys) {
    const count = await locate(page, map, key)
      .count()
      .catch(() => 0);
    if (count === 0) missing.push(key);
    else if (count > 1 && map.selectors[key]?.unique) ambiguous.push(key);
  }
  return { missing, ambiguous };
}

/**
 * What the page in front of us is: a challenge (checked first, it hides everything else), or the expected page with
 * every selector it needs present (exactly once where the map says unique), or drift with the keys that are not.
 * Nothing may be clicked on a page until this said ok (C-43).
 */
export async function classifyPage(
  page: Page,
  map: SelectorMap,
  expected: PageKey,
  opts: ClassifyOptions = {},
): Promise<PageState> {
  const keys = opts.require ?? map.pages[expected].requires;
  const deadline = Date.now() + (opts.settleMs ?? ENGINE_TIMEOUTS.settleMs);
  for (;;) {
    const unexpected = await detectUnexpectedPage(page, map, expected);
    if (unexpected) return { kind: unexpected };
    const { missing, ambiguous } = await checkSelectors(page, map, keys);
    if (missing.length === 0 && ambiguous.length === 0) return { kind: 'ok' };
    if (Date.now() >= deadline) return { kind: 'drift', missing, ambiguous };
    await page.waitForTimeout(200);
  }
}

const STOP_MESSAGES: Record<Exclude<PageState['kind'], 'ok'>, string> = {
  captcha: 'the platform showed a CAPTCHA',
  consent: 'the platform showed a consent dialog',
  login_wall: 'the platform asked to sign in again',
  drift: 'the page does not show what the selector map expects',
};

/** Throws the BrowserLaneError for a page that is not ok; returns quietly when it is. */
export function assertPageOk(
  state: PageState,
  page: Page,
  expected: PageKey,
  details: { submitted?: boolean } = {},
): void {
  if (state.kind === 'ok') return;
  const url = safeUrl(page.url());
  const where = ` (${expected} page)`;
  if (state.kind === 'drift') {
    const keys = [...state.missing, ...state.ambiguous.map((k) => `${k} (more than one)`)];
    throw new BrowserLaneError('selector_drift', `${STOP_MESSAGES.drift}${where}: ${keys.join(', ')}`, {
      missing: state.missing,
      ambiguous: state.ambiguous,
      url,
      ...details,
    });
  }
  throw new BrowserLaneError(state.kind, `${STOP_MESSAGES[state.kind]}${where}`, { url, ...details });
}
