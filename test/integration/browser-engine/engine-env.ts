// What the engine's integration tests share: Debian's Chromium (skipped, loudly, where it is not installed), a
// storage state carrying one cookie for the fixture host, and the sandbox selector map.
import { existsSync } from 'node:fs';
import type { BrowserStorageState } from '../../../services/core/browser/browser-driver.port';
import { chromiumPath } from '../../../services/browser/engine';

export const HAS_CHROMIUM = existsSync(chromiumPath());
if (!HAS_CHROMIUM)
  process.stderr.write(`\n[browser-engine] ${chromiumPath()} is missing: the browser tests are skipped\n`);
export const describeWithChromium = HAS_CHROMIUM ? describe : describe.skip;

export function stateWithCookie(name: string, value: string): BrowserStorageState {
  return {
    cookies: [
      { name, value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' },
    ],
    origins: [],
  };
}

export const EMPTY_STATE: BrowserStorageState = { cookies: [], origins: [] };
