import type { BrowserContext } from 'playwright-core';

/** What a blocked request leaves behind: the host only (a full URL can carry the session or a token). */
export interface BlockedRequest {
  host: string;
  kind: 'request' | 'websocket';
}

export function normaliseOrigins(origins: readonly string[]): string[] {
  return origins.map((o) => {
    const url = new URL(o);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`not a web origin: ${url.protocol}`);
    return url.origin;
  });
}

/** Whether a page of the platform may reach this URL: exactly one of the platform's origins, nothing else. */
export function isAllowedUrl(url: string, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // data: and blob: never leave the browser; everything else must be one of the platform's own origins.
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  const protocol = parsed.protocol === 'ws:' ? 'http:' : parsed.protocol === 'wss:' ? 'https:' : parsed.protocol;
  const origin = `${protocol}//${parsed.host}`;
  return allowedOrigins.includes(origin);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(unparsable)';
  }
}

/**
 * Aborts every request and WebSocket to a host other than the platform's own, so a page (or an injected script on
 * it) cannot carry the signed-in session, or what it shows, anywhere else. Installed before the first page opens.
 */
export async function installRouteGuard(
  context: BrowserContext,
  allowedOrigins: readonly string[],
  onBlocked?: (blocked: BlockedRequest) => void,
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isAllowedUrl(url, allowedOrigins)) return route.continue();
    onBlocked?.({ host: hostOf(url), kind: 'request' });
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, async (ws) => {
    if (isAllowedUrl(ws.url(), allowedOrigins)) {
      ws.connectToServer();
      return;
    }
    onBlocked?.({ host: hostOf(ws.url()), kind: 'websocket' });
    await ws.close({ code: 1008, reason: 'blocked by the browser lane' });
  });
}
