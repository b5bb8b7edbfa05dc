import { accessSync, constants } from 'node:fs';
import type { Browser, BrowserType } from 'playwright-core';
import { chromium } from 'playwright-core';
import { ChromiumUnavailableError } from './browser-lane.errors';
import { ENGINE_TIMEOUTS } from './engine-timeouts';

/** Debian's Chromium unless told otherwise; playwright-core never fetches a browser, and neither do we. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
] as const;

/** RAIZE_CHROMIUM: the installation's one Chromium setting (the report printer and the e2e tests read it too). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.RAIZE_CHROMIUM || DEFAULT_CHROMIUM_PATH;
}

export interface LaunchChromiumOptions {
  executablePath?: string;
  timeoutMs?: number;
}

export async function launchChromium(opts: LaunchChromiumOptions = {}): Promise<Browser> {
  const executablePath = opts.executablePath ?? chromiumPath();
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new ChromiumUnavailableError(
      `Chromium is not installed at ${executablePath}. Install Debian's package (apt-get install -y chromium) or set ` +
        'RAIZE_CHROMIUM to a Chromium binary; Raize never downloads a browser.',
    );
  }
  try {
    return await (chromium as BrowserType).launch({
      executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
      // --no-sandbox is passed explicitly above; this keeps Playwright from adding its own sandbox flags.
      chromiumSandbox: false,
      timeout: opts.timeoutMs ?? ENGINE_TIMEOUTS.launchMs,
    });
  } catch (err) {
    throw new ChromiumUnavailableError(
      `Chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`,
    );
  }
}
