import type { BrowserStopKind } from '../../../workflows/contracts/vocabulary/browser-lane';

/**
 * Why a browser action stopped. The page-caused stops (captcha, consent, login wall, drift) are the lane's stop
 * kinds (workflows/contracts/vocabulary/browser-lane.ts); the rest are the engine's own: a page that would not load,
 * a bounded wait that ran out, an identity card that could not be read consistently.
 */
const PAGE_STOP_KINDS = [
  'captcha',
  'consent',
  'login_wall',
  'selector_drift',
] as const satisfies readonly BrowserStopKind[];
export const BROWSER_LANE_ERROR_KINDS = [...PAGE_STOP_KINDS, 'navigation', 'timeout', 'identity_unreadable'] as const;
export type BrowserLaneErrorKind = (typeof BROWSER_LANE_ERROR_KINDS)[number];

/** The stop kinds among the engine's error kinds: the ones that switch a profile to read-only (C-43). */
export type BrowserLaneStopKind = (typeof PAGE_STOP_KINDS)[number];

export function isBrowserLaneStopKind(kind: BrowserLaneErrorKind): kind is BrowserLaneStopKind {
  return (PAGE_STOP_KINDS as readonly string[]).includes(kind);
}

export interface BrowserLaneErrorDetails {
  /** selector keys the page lacked (selector_drift) */
  missing?: readonly string[];
  /** selector keys that must be unique but matched more than once (selector_drift) */
  ambiguous?: readonly string[];
  /**
   * True once the submit was clicked: the outcome on the platform is then unknown and the caller must read back
   * (profile list) before anything else, never resubmit (Postiz's double post).
   */
  submitted?: boolean;
  /** origin + path of the page it happened on (never the query: it can carry tokens) */
  url?: string | null;
}

/** One error type for every way a browser action stops; `kind` says which, the message is for an operator. */
export class BrowserLaneError extends Error {
  readonly missing: readonly string[];
  readonly ambiguous: readonly string[];
  readonly submitted: boolean;
  readonly url: string | null;

  constructor(
    readonly kind: BrowserLaneErrorKind,
    message: string,
    details: BrowserLaneErrorDetails = {},
  ) {
    super(message);
    this.name = 'BrowserLaneError';
    this.missing = details.missing ?? [];
    this.ambiguous = details.ambiguous ?? [];
    this.submitted = details.submitted ?? false;
    this.url = details.url ?? null;
  }
}

/** Chromium cannot be started: missing binary or a launch failure. Raize never downloads a browser instead. */
export class ChromiumUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumUnavailableError';
  }
}

/** The pool refused to open a context: shutting down, or no lane configured for the platform. */
export class BrowserPoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserPoolError';
  }
}
