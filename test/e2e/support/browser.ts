import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../../services/core/util/repo-root';

const CHROMIUM = process.env.RAIZE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface E2eBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (never a downloaded build), one per test file, each operator in a context of their
 * own. playwright-core gives every launch a fresh temporary profile directory of its own (it refuses an
 * explicit --user-data-dir outside launchPersistentContext, which allows one context only).
 */
export async function launchBrowser(): Promise<E2eBrowser> {
  let browser: Browser;
  try {
    browser = await (chromium as BrowserType).launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  } catch (err) {
    throw new Error(
      `cannot start ${CHROMIUM} (install Debian's package: apt-get install -y chromium): ${(err as Error).message}`,
    );
  }
  return { browser, close: () => browser.close() };
}

export async function newOperatorContext(
  b: E2eBrowser,
  baseURL: string,
  opts: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  const ctx = await b.browser.newContext({
    baseURL,
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    bypassCSP: opts.bypassCSP ?? false,
  });
  ctx.setDefaultTimeout(15_000);
  return ctx;
}

/** Writes docs/screenshots/<name>.png: the suite keeps the pictures of the main screens current. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(repoRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  // Spinners and the caret would make every run's picture differ.
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false, animations: 'disabled', caret: 'hide' });
}
