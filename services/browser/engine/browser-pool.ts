import type { Browser, BrowserContext } from 'playwright-core';
import type { BrowserStorageState } from '../../core/browser/browser-driver.port';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { BrowserPoolError } from './browser-lane.errors';
import { launchChromium } from './chromium';
import { ENGINE_TIMEOUTS } from './engine-timeouts';
import { installRouteGuard, normaliseOrigins, type BlockedRequest } from './route-guard';
import { Semaphore } from './semaphore';
import { parseStorageState } from './storage-state.schema';

export interface PlatformLaneConfig {
  /** how many actions may run on this platform at once; more wait in line (a burst must not look like a bot) */
  maxConcurrent: number;
  /** the platform's web origin(s); the default when a call gives none */
  origins?: readonly string[];
}

export interface BrowserPoolOptions {
  platforms: Partial<Record<PlatformId, PlatformLaneConfig>>;
  /** starts the one shared browser (default: Debian's Chromium); called again only after it disconnected */
  launch?: () => Promise<Browser>;
  /** told about every request a page tried to make outside the platform (host only) */
  onBlocked?: (event: BlockedRequest & { platform: PlatformId }) => void;
}

export interface WithContextOptions {
  /** the platform's web origin(s) for this action (a sandbox per test run has its own port) */
  origins?: readonly string[];
}

/** A fixed desktop viewport: selector maps, screenshots and layout-dependent pages stay comparable across runs. */
export const CONTEXT_VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * One shared Chromium for the process; every action gets a fresh, isolated context built from its profile's storage
 * state and closed afterwards, so no cookie, cache or storage outlives the action or crosses to another profile.
 */
export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private readonly caps = new Map<PlatformId, Semaphore>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(private readonly opts: BrowserPoolOptions) {
    for (const [platform, config] of Object.entries(opts.platforms) as [PlatformId, PlatformLaneConfig][]) {
      this.caps.set(platform, new Semaphore(config.maxConcurrent));
      if (config.origins) normaliseOrigins(config.origins);
    }
  }

  /** actions running and waiting per platform (for health and tests) */
  load(platform: PlatformId): { running: number; queued: number } {
    const cap = this.caps.get(platform);
    return { running: cap?.running ?? 0, queued: cap?.queued ?? 0 };
  }

  async withContext<T>(
    platform: PlatformId,
    storageState: BrowserStorageState,
    fn: (context: BrowserContext) => Promise<T>,
    options: WithContextOptions = {},
  ): Promise<T> {
    const run = this.run(platform, storageState, fn, options);
    this.inFlight.add(run);
    const forget = () => this.inFlight.delete(run);
    void run.then(forget, forget);
    return run;
  }

  /**
   * Stops taking actions, refuses those still queued, lets running ones finish for up to `timeoutMs`, then closes
   * the browser (which ends whatever still runs: its page calls fail and their contexts close).
   */
  async close(timeoutMs: number = ENGINE_TIMEOUTS.closeDrainMs): Promise<void> {
    this.closing = true;
    for (const cap of this.caps.values()) cap.refuseWaiting(new BrowserPoolError('the browser pool is shutting down'));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }

  private async run<T>(
    platform: PlatformId,
    storageState: BrowserStorageState,
    fn: (context: BrowserContext) => Promise<T>,
    options: WithContextOptions,
  ): Promise<T> {
    if (this.closing) throw new BrowserPoolError('the browser pool is shutting down');
    const cap = this.caps.get(platform);
    if (!cap) throw new BrowserPoolError(`no browser lane is configured for the platform ${platform}`);
    const origins = normaliseOrigins(options.origins ?? this.opts.platforms[platform]?.origins ?? []);
    if (origins.length === 0) throw new BrowserPoolError(`no web origin is known for the platform ${platform}`);
    const state = parseStorageState(storageState);
    const release = await cap.acquire();
    let context: BrowserContext | undefined;
    try {
      if (this.closing) throw new BrowserPoolError('the browser pool is shutting down');
      const browser = await this.sharedBrowser();
      context = await browser.newContext({
        storageState: state,
        // A service worker would outlive the action inside the profile and could fetch past the route guard.
        serviceWorkers: 'block',
        acceptDownloads: false,
        viewport: CONTEXT_VIEWPORT,
        deviceScaleFactor: 1,
        locale: 'en-US',
        timezoneId: 'UTC',
        permissions: [],
        bypassCSP: false,
      });
      context.setDefaultTimeout(ENGINE_TIMEOUTS.elementMs);
      context.setDefaultNavigationTimeout(ENGINE_TIMEOUTS.navigationMs);
      await installRouteGuard(context, origins, (blocked) => this.opts.onBlocked?.({ ...blocked, platform }));
      return await fn(context);
    } finally {
      await context?.close().catch(() => undefined);
      release();
    }
  }

  private sharedBrowser(): Promise<Browser> {
    if (!this.browser) {
      const launching = (this.opts.launch ?? (() => launchChromium()))();
      this.browser = launching;
      void launching.then(
        // a crashed browser is replaced on the next action instead of failing every action after it
        (b) =>
          b.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          }),
        () => {
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }
}
