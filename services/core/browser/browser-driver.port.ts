import type { BrowserProofStep, BrowserStopKind } from '../../../workflows/contracts/vocabulary/browser-lane';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';

/** The identity a signed-in page shows for its account (the card every page of the platform carries). */
export interface PageIdentity {
  externalAccountId: string;
  handle: string;
  displayName: string | null;
}

/** A post as its page shows it. */
export interface PagePost {
  postId: string;
  url: string;
  text: string;
  authorExternalId: string;
  createdAt: string;
}

/** What one step through the page leaves as proof (C-44): a masked screenshot, a scrubbed DOM, where it was. */
export interface PageProof {
  step: BrowserProofStep;
  url: string;
  screenshotPng: Buffer;
  domHtml: string;
  /** emails and phone numbers covered on the screenshot and replaced in the DOM */
  masked: number;
  at: string;
}

/** What the browser lane kept of one action, stored with the post's proof: artifact keys, never bytes or cookies. */
export interface BrowserProof {
  lane: 'browser';
  selectorMapVersion: string;
  steps: { step: BrowserProofStep; url: string; screenshotKey: string; domKey: string; masked: number; at: string }[];
}

/**
 * The stops a page can cause (the rest of BROWSER_STOP_KINDS are the profile's own): an unexpected page or changed
 * markup (C-43), or a page showing another identity than the profile's manifest (C-41). Never retried blindly.
 */
export type PageStopKind = Extract<
  BrowserStopKind,
  'selector_drift' | 'captcha' | 'consent' | 'login_wall' | 'identity_mismatch'
>;

export class BrowserLaneStop extends Error {
  constructor(
    readonly kind: PageStopKind,
    message: string,
    /** the selector keys that were missing (drift) */
    readonly missing: string[] = [],
    readonly url: string | null = null,
  ) {
    super(message);
    this.name = 'BrowserLaneStop';
  }
}

/** A Playwright storage state (cookies and local storage): a live session, decrypted only inside the runner. */
export interface BrowserStorageState {
  cookies: {
    name: string;
    value: string;
    domain: string;
    path: string;
    expires: number;
    httpOnly: boolean;
    secure: boolean;
    sameSite: 'Strict' | 'Lax' | 'None';
  }[];
  origins: { origin: string; localStorage: { name: string; value: string }[] }[];
}

/**
 * One action's browser session: a fresh isolated context for one profile, closed after the action. Every method
 * classifies the page before it reads or clicks, and throws BrowserLaneStop on a challenge page or drift.
 */
export interface BrowserSession {
  readonly selectorMapVersion: string;
  /** the identity the page shows now, read on the page the next action happens on */
  identity(): Promise<PageIdentity>;
  /**
   * Opens the compose page, reads its identity and hands it to `confirm` (which throws to stop), and only then
   * fills and submits. `requestKey` lets the platform collapse a repeated submission into the first post.
   */
  publish(input: {
    text: string;
    requestKey: string;
    confirm: (identity: PageIdentity) => Promise<void>;
  }): Promise<{ post: PagePost; proof: PageProof[] }>;
  readPost(postId: string): Promise<{ post: PagePost | null; proof: PageProof | null }>;
  /** the profile's own posts, newest first (reconciliation after an unknown outcome) */
  ownPosts(handle: string): Promise<PagePost[]>;
  /**
   * The selector map's self-check page walk (C-43): every page the map lists shows what the map expects. Clicks
   * nothing; a challenge page or drift comes back as the stop it is, with the selector keys that were missing.
   */
  selfCheck(
    handle: string,
  ): Promise<
    { ok: true } | { ok: false; stop: Exclude<PageStopKind, 'identity_mismatch'>; missing: string[]; page: string }
  >;
  close(): Promise<void>;
}

export interface BrowserDriver {
  open(input: { platform: PlatformId; baseUrl: string; storageState: BrowserStorageState }): Promise<BrowserSession>;
  /** the selector map version the driver uses for a platform, or null when it has none (no browser lane there) */
  selectorMapVersion(platform: PlatformId): string | null;
  close(): Promise<void>;
}
