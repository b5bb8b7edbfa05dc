import type { TestStack } from '../harness/stack';

/** A reviewer's browser, reduced to what the portal sees: its cookie, its CSRF token, JSON over fetch. */
export interface PortalBrowser {
  cookie: string | null;
  csrf: string | null;
  call(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<PortalAnswer>;
}

export interface PortalAnswer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  setCookie: string | null;
}

export function portalBrowser(stack: TestStack): PortalBrowser {
  const b: PortalBrowser = {
    cookie: null,
    csrf: null,
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${stack.apiUrl}/portal/api/${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(b.cookie ? { cookie: b.cookie } : {}),
          ...(b.csrf && method !== 'GET' ? { 'x-csrf-token': b.csrf } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const setCookie = res.headers.get('set-cookie');
      const cookie = setCookie?.match(/(__Host-raize_portal=[^;]+)/)?.[1];
      if (cookie) b.cookie = cookie;
      const text = await res.text();
      const parsed = text ? (JSON.parse(text) as PortalAnswer['body']) : {};
      if (typeof parsed.csrfToken === 'string') b.csrf = parsed.csrfToken;
      return { status: res.status, body: parsed, setCookie };
    },
  };
  return b;
}

/** A link's token from the URL the operator was shown (`…/portal/#rzr_…`). */
export const tokenOf = (url: string): string => url.slice(url.indexOf('#') + 1);

export async function addReviewer(stack: TestStack, actorId: string, clientId: string, name = 'Rita Reviewer') {
  const email = `rita-${Math.random().toString(36).slice(2, 8)}@client.example`;
  const r = await stack.gql<{ addClientReviewer: { id: string; email: string } }>(
    actorId,
    'mutation($i: AddClientReviewerInput!) { addClientReviewer(input: $i) { id email } }',
    { i: { clientId, name, email } },
  );
  if (!r.data) throw new Error(`addClientReviewer: ${JSON.stringify(r.errors)}`);
  return r.data.addClientReviewer;
}

export async function createReviewLink(
  stack: TestStack,
  actorId: string,
  i: {
    clientId: string;
    reviewerId: string;
    postIds?: string[];
    requireCode?: boolean;
    sendEmail?: boolean;
    expiresInDays?: number;
  },
) {
  const r = await stack.gql<{
    createReviewLink: { url: string; emailed: boolean; link: { id: string; status: string } };
  }>(
    actorId,
    'mutation($i: CreateReviewLinkInput!) { createReviewLink(input: $i) { url emailed link { id status } } }',
    { i },
  );
  if (!r.data) throw new Error(`createReviewLink: ${JSON.stringify(r.errors)}`);
  return r.data.createReviewLink;
}

export interface PortalPostView {
  id: string;
  state: string;
  canDecide: boolean;
  checksum: string;
  text: string;
  decisions: { kind: string; comment: string | null; byYou: boolean }[];
}

export async function portalPosts(b: PortalBrowser): Promise<PortalPostView[]> {
  const r = await b.call('GET', 'posts');
  if (r.status !== 200) throw new Error(`portal posts: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.posts as PortalPostView[];
}
