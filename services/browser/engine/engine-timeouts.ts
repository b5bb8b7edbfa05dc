/**
 * Every wait of the engine is bounded, and the reason for each bound is written here. None of them is followed by
 * a retry: after a timeout the caller decides (a publish whose submit was clicked is read back, never resubmitted).
 */
export const ENGINE_TIMEOUTS = {
  /** Chromium's cold start on a loaded CI runner takes seconds; beyond this it is broken, not slow. */
  launchMs: 30_000,
  /** one page load, redirects included: a slow platform still answers well within this */
  navigationMs: 30_000,
  /** reading or filling one element that classification already found present */
  elementMs: 10_000,
  /** from the submit click to the post's page: the platform creates the post inside this request */
  afterSubmitMs: 30_000,
  /**
   * How long a page may take to show what it must show after load: client-rendered pages fill in after `load`, so
   * drift is only concluded after this (server-rendered pages are ready at once and return early).
   */
  settleMs: 3_000,
  /** a full-page screenshot of a long page */
  screenshotMs: 15_000,
  /** how long close() lets running actions finish before it closes the browser under them */
  closeDrainMs: 15_000,
} as const;
