import { BrowserLaneStop } from '../../core/browser/browser-driver.port';
import { ConnectorError } from '../../core/connectors/connector.errors';
import { BrowserLaneError, isBrowserLaneStopKind } from '../engine';

/**
 * The engine's errors in the kernel's words: a page that stopped us before a click is a lane stop (the profile
 * turns read-only, C-43); after the click the outcome is unknown (the kernel reads the profile's posts before
 * anything else, never submits again); a page that would not load before the click is transient.
 */
export function fromEngineError(err: unknown): unknown {
  if (!(err instanceof BrowserLaneError)) return err;
  if (err.submitted) return new ConnectorError('outcome_unknown', `browser: ${err.kind} after submit`);
  if (isBrowserLaneStopKind(err.kind)) return new BrowserLaneStop(err.kind, err.message, [...err.missing], err.url);
  // An identity card that cannot be read the same way twice is markup we no longer understand: drift.
  if (err.kind === 'identity_unreadable')
    return new BrowserLaneStop('selector_drift', err.message, [...err.missing], err.url);
  return new ConnectorError('transient', `browser: ${err.kind} before submit`);
}

export async function engineCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw fromEngineError(err);
  }
}
