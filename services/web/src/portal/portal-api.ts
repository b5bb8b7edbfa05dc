// The review portal's client of /portal/api (docs/client-portal.md). The shapes mirror the API's own answers
// (services/api/modules/client-review/portal/portal.service.ts), so they are typed here rather than parsed, as the
// admin app does with /graphql. Nothing here talks to /graphql: the portal's cookie opens nothing there.

/** Where a post stands with its client (CLIENT_REVIEW_STATES in workflows/contracts/vocabulary/client-review.ts). */
export type ReviewState =
  'not_required' | 'waiting_internal' | 'waiting_client' | 'approved' | 'changes_requested' | 'on_hold' | 'rejected';

/** What a reviewer may decide (CLIENT_DECISION_KINDS). */
export type DecisionKind = 'approve' | 'reject' | 'request_changes' | 'hold';

export interface PortalPreview {
  platform: string;
  characters: number;
  characterLimit: number;
  overLimit: boolean;
  feedText: string;
  truncated: boolean;
  hashtags: string[];
  links: string[];
  linksAllowed: boolean;
  mediaAspect: string;
}

export interface PortalPost {
  id: string;
  platform: string;
  accountHandle: string;
  scheduledAt: string;
  timezone: string;
  text: string;
  preview: PortalPreview;
  media: { url: string; contentType: string } | null;
  links: { url: string; host: string }[];
  checksum: string;
  state: ReviewState;
  canDecide: boolean;
  decisions: { kind: string; comment: string | null; at: string; byYou: boolean }[];
}

export interface PortalMe {
  client: { name: string; colours: string[] };
  reviewer: { name: string };
  link: { expiresAt: string; batch: boolean };
  csrfToken: string;
}

export type OpenAnswer = { needsCode: false; csrfToken: string } | { needsCode: true; emailHint: string };

/** An answer other than 2xx, in the API's words (`{error: {code, message}}`), or a network failure (status 0). */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

/**
 * The link's token from the address's fragment, taken once, before anything renders: the fragment is dropped from
 * the address at once (history.replaceState) so the token stays out of the history, bookmarks and shared screens.
 */
export function takeTokenFromFragment(): string | null {
  const hash = window.location.hash.slice(1).trim();
  if (!hash) return null;
  window.history.replaceState(null, '', '/portal/');
  // Whatever its shape, the server judges it: a mangled link gets the same answer as a dead one.
  return hash.slice(0, 200);
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/portal/api/${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PortalError(0, 'NETWORK', 'the review page could not reach the server');
  }
  if (res.status === 204) return undefined as T;
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // an answer without JSON (a proxy's error page): said by its status below
  }
  if (!res.ok) {
    const e = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new PortalError(
      res.status,
      typeof e?.code === 'string' ? e.code : `HTTP_${res.status}`,
      typeof e?.message === 'string' ? e.message : `the server answered HTTP ${res.status}`,
    );
  }
  return parsed as T;
}

export const portalApi = {
  open: (token: string) => call<OpenAnswer>('POST', 'open', { token }),
  code: (token: string, code: string) => call<OpenAnswer>('POST', 'code', { token, code }),
  me: () => call<PortalMe>('GET', 'me'),
  posts: () => call<{ posts: PortalPost[] }>('GET', 'posts'),
  decide: (postId: string, body: { kind: DecisionKind; comment?: string; checksum: string }, csrf: string) =>
    call<{ post: PortalPost }>('POST', `posts/${encodeURIComponent(postId)}/decision`, body, csrf),
  signOut: (csrf: string) => call<void>('POST', 'sign-out', {}, csrf),
};
