import type { BrowserContext, Page } from 'playwright-core';
import type { BrowserDriver, BrowserSession, PageIdentity, PageProof } from '../../core/browser/browser-driver.port';
import type { BrowserProofStep } from '../../../workflows/contracts/vocabulary/browser-lane';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { BrowserPool, SelectorMap } from '../engine';
import {
  BrowserLaneError,
  captureProof,
  classifyPage,
  listPostsThroughPage,
  loadSelectorMap,
  publishThroughPage,
  readIdentity,
  readPostThroughPage,
  selfCheck,
} from '../engine';
import { openPage } from '../engine/page-navigation';
import { engineCall } from './engine-errors';

async function proofOf(page: Page, step: BrowserProofStep): Promise<PageProof> {
  const p = await captureProof(page);
  return {
    step,
    url: p.url,
    screenshotPng: p.screenshotPng,
    domHtml: p.domHtml,
    masked: p.masked,
    at: new Date().toISOString(),
  };
}

/**
 * The browser lane's driver over the engine: a session holds one fresh isolated context (the profile's storage
 * state) for one action and gives it back on close; each step opens its own page, checks it, and keeps its proof.
 */
export class PlaywrightDriver implements BrowserDriver {
  private readonly maps = new Map<PlatformId, SelectorMap | null>();

  constructor(private readonly pool: BrowserPool) {}

  private map(platform: PlatformId): SelectorMap | null {
    if (!this.maps.has(platform)) {
      let map: SelectorMap | null = null;
      try {
        map = loadSelectorMap(platform);
      } catch {
        map = null;
      }
      this.maps.set(platform, map);
    }
    return this.maps.get(platform)!;
  }

  selectorMapVersion(platform: PlatformId): string | null {
    return this.map(platform)?.selectorMapVersion ?? null;
  }

  async open(input: Parameters<BrowserDriver['open']>[0]): Promise<BrowserSession> {
    const map = this.map(input.platform);
    if (!map) throw new Error(`no selector map for ${input.platform}`);
    const origin = new URL(input.baseUrl).origin;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const held = new Promise<BrowserContext>((resolve, reject) => {
      this.pool
        .withContext(
          input.platform,
          input.storageState,
          async (ctx) => {
            resolve(ctx);
            await released;
          },
          { origins: [origin] },
        )
        .catch(reject);
    });
    const ctx = await held;
    return new PlaywrightSession(ctx, map, input.baseUrl, release);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

class PlaywrightSession implements BrowserSession {
  readonly selectorMapVersion: string;

  constructor(
    private readonly ctx: BrowserContext,
    private readonly map: SelectorMap,
    private readonly baseUrl: string,
    private readonly release: () => void,
  ) {
    this.selectorMapVersion = map.selectorMapVersion;
  }

  private async onPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.ctx.newPage();
    try {
      return await engineCall(() => fn(page));
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  identity(): Promise<PageIdentity> {
    return this.onPage(async (page) => {
      await openPage(page, this.map, this.baseUrl, 'compose');
      const state = await classifyPage(page, this.map, 'compose');
      if (state.kind !== 'ok') {
        const missing = state.kind === 'drift' ? state.missing : [];
        throw new BrowserLaneError(
          state.kind === 'drift' ? 'selector_drift' : state.kind,
          `the compose page: ${state.kind}`,
          {
            missing,
          },
        );
      }
      const read = await readIdentity(page, this.map);
      if (read.kind === 'drift')
        throw new BrowserLaneError('selector_drift', 'the identity card is missing', { missing: read.missing });
      return read.identity;
    });
  }

  publish(input: Parameters<BrowserSession['publish']>[0]): ReturnType<BrowserSession['publish']> {
    return this.onPage(async (page) => {
      const proof: PageProof[] = [];
      const { postId } = await publishThroughPage(page, this.map, this.baseUrl, {
        text: input.text,
        requestKey: input.requestKey,
        confirmIdentity: async (identity) => {
          await input.confirm(identity);
          // what the account saw before the click: the compose page, identity card in view (C-44)
          proof.push(await proofOf(page, 'compose'));
        },
      });
      proof.push(await proofOf(page, 'published'));
      const post = await readPostThroughPage(page, this.map, this.baseUrl, postId);
      if (!post) throw new BrowserLaneError('navigation', 'the new post page is gone', { submitted: true });
      return { post, proof };
    });
  }

  readPost(postId: string): ReturnType<BrowserSession['readPost']> {
    return this.onPage(async (page) => {
      const post = await readPostThroughPage(page, this.map, this.baseUrl, postId);
      return { post, proof: await proofOf(page, 'read_back') };
    });
  }

  ownPosts(handle: string): ReturnType<BrowserSession['ownPosts']> {
    return this.onPage((page) => listPostsThroughPage(page, this.map, this.baseUrl, handle.replace(/^@/, '')));
  }

  async selfCheck(handle: string): ReturnType<BrowserSession['selfCheck']> {
    const report = await engineCall(() =>
      selfCheck(this.ctx, this.map, this.baseUrl, { username: handle.replace(/^@/, '') }),
    );
    for (const p of report.pages) {
      const r = p.result;
      if (r.kind === 'ok' || r.kind === 'skipped') continue;
      if (r.kind === 'drift') return { ok: false, stop: 'selector_drift', missing: r.missing, page: p.page };
      if (r.kind === 'error')
        // a page that would not load is not a verdict on the page: the next walk tries again
        throw new BrowserLaneError(r.error === 'timeout' ? 'timeout' : 'navigation', r.message);
      return { ok: false, stop: r.kind, missing: [], page: p.page };
    }
    return { ok: true };
  }

  async close(): Promise<void> {
    this.release();
  }
}
