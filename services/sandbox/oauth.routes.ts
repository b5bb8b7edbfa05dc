// OAuth 2.0 authorization code grant with PKCE (S256 only), refresh token rotation.
import {
  htmlResponse,
  isJsonContentType,
  json,
  parseForm,
  redirect,
  headerValue,
  type SandboxResponse,
} from './http-utils';
import { errorPage, authorizePage } from './pages';
import {
  authorizeParamsSchema,
  loginFormSchema,
  tokenRequestSchema,
  type AuthorizeParams,
  type TokenRequest,
} from './schemas';
import { pkceS256, randomId, randomToken, safeEqual, sha256Hex } from './secrets';
import { issueTokens, revokeGrant } from './tokens';
import type { SandboxDeps } from './deps';
import type { RequestContext, Router } from './router';
import { checkCredentials } from './users';
import type { StoredOAuthClient } from './store';

export const AUTH_CODE_TTL_MS = 60_000;
export const DEFAULT_SCOPE = 'profile posts comments';

const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

type AuthorizeCheck =
  | { kind: 'fatal'; message: string }
  | { kind: 'redirect'; response: SandboxResponse }
  | { kind: 'ok'; client: StoredOAuthClient; redirectUri: string; challenge: string; scope: string };

function errorRedirect(redirectUri: string, error: string, description: string, state?: string): SandboxResponse {
  const target = new URL(redirectUri);
  target.searchParams.set('error', error);
  target.searchParams.set('error_description', description);
  if (state !== undefined) target.searchParams.set('state', state);
  return redirect(target.toString());
}

/** Validates authorize params. Problems with client / redirect_uri are never redirected (open redirect). */
function checkAuthorize(deps: SandboxDeps, params: AuthorizeParams): AuthorizeCheck {
  const client = params.client_id ? deps.store.findClient(params.client_id) : undefined;
  if (!client) return { kind: 'fatal', message: 'Unknown client_id.' };
  let redirectUri = params.redirect_uri;
  if (redirectUri === undefined) {
    if (client.redirectUris.length !== 1) return { kind: 'fatal', message: 'redirect_uri is required.' };
    redirectUri = client.redirectUris[0]!;
  }
  if (!client.redirectUris.includes(redirectUri)) {
    return { kind: 'fatal', message: 'redirect_uri is not registered for this client.' };
  }
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: 'redirect',
    response: errorRedirect(redirectUri, error, description, params.state),
  });
  if (params.response_type !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported');
  if (!params.code_challenge) return fail('invalid_request', 'PKCE is required: code_challenge is missing');
  if (params.code_challenge_method !== 'S256') {
    return fail('invalid_request', 'Only code_challenge_method=S256 is supported (plain is refused)');
  }
  if (!CODE_CHALLENGE.test(params.code_challenge)) return fail('invalid_request', 'code_challenge is malformed');
  return {
    kind: 'ok',
    client,
    redirectUri,
    challenge: params.code_challenge,
    scope: params.scope?.trim() || DEFAULT_SCOPE,
  };
}

function parseAuthorizeParams(raw: Record<string, string>): AuthorizeParams | null {
  const result = authorizeParamsSchema.safeParse(raw);
  return result.success ? result.data : null;
}

function badAuthorizeRequest(message: string): SandboxResponse {
  return htmlResponse(400, errorPage('Invalid authorization request', message));
}

function getAuthorize(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const params = parseAuthorizeParams(Object.fromEntries(ctx.query));
  if (!params) return badAuthorizeRequest('Malformed authorization request.');
  const check = checkAuthorize(deps, params);
  if (check.kind === 'fatal') return badAuthorizeRequest(check.message);
  if (check.kind === 'redirect') return check.response;
  return htmlResponse(200, authorizePage({ params }));
}

async function postAuthorize(deps: SandboxDeps, ctx: RequestContext): Promise<SandboxResponse> {
  const form = parseForm(ctx.rawBody);
  const params = parseAuthorizeParams(form);
  const login = loginFormSchema.safeParse(form);
  if (!params || !login.success) return badAuthorizeRequest('Malformed authorization request.');
  const check = checkAuthorize(deps, params);
  if (check.kind === 'fatal') return badAuthorizeRequest(check.message);
  if (check.kind === 'redirect') return check.response;

  const user = await checkCredentials(deps, login.data.username, login.data.password);
  if (!user) {
    return htmlResponse(
      401,
      authorizePage({ params, error: 'Wrong username or password.', username: login.data.username }),
    );
  }
  const code = randomToken();
  const now = deps.store.now();
  deps.store.mutate((state) => {
    state.authCodes.push({
      codeHash: sha256Hex(code),
      clientId: check.client.clientId,
      redirectUri: check.redirectUri,
      userId: user.id,
      scope: check.scope,
      codeChallenge: check.challenge,
      expiresAt: now + AUTH_CODE_TTL_MS,
      usedAt: null,
      grantId: randomId('sbx_g_'),
    });
  });
  const target = new URL(check.redirectUri);
  target.searchParams.set('code', code);
  if (params.state !== undefined) target.searchParams.set('state', params.state);
  return redirect(target.toString());
}

// ---- token endpoint -----------------------------------------------------------------------------------------

function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): SandboxResponse {
  return json(status, { error, error_description: description }, { pragma: 'no-cache', ...headers });
}

function readTokenRequest(ctx: RequestContext): TokenRequest | SandboxResponse {
  let raw: unknown;
  if (isJsonContentType(headerValue(ctx.req.headers['content-type']))) {
    try {
      raw = JSON.parse(ctx.rawBody.toString('utf8'));
    } catch {
      return oauthError(400, 'invalid_request', 'Request body is not valid JSON');
    }
  } else {
    raw = parseForm(ctx.rawBody);
  }
  const parsed = tokenRequestSchema.safeParse(raw);
  if (!parsed.success)
    return oauthError(
      400,
      'invalid_request',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unescape = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}

function authenticateClient(
  deps: SandboxDeps,
  ctx: RequestContext,
  body: TokenRequest,
): StoredOAuthClient | SandboxResponse {
  const basic = basicCredentials(headerValue(ctx.req.headers.authorization));
  const clientId = basic?.id ?? body.client_id;
  const secret = basic?.secret ?? body.client_secret;
  const challenge = basic ? { 'www-authenticate': 'Basic realm="sandbox"' } : undefined;
  if (!clientId) return oauthError(401, 'invalid_client', 'client_id is required', challenge);
  const client = deps.store.findClient(clientId);
  if (!client) return oauthError(401, 'invalid_client', 'Unknown client', challenge);
  if (client.secretHash !== null && (!secret || !safeEqual(sha256Hex(secret), client.secretHash))) {
    return oauthError(401, 'invalid_client', 'Client authentication failed', challenge);
  }
  return client;
}

function exchangeCode(deps: SandboxDeps, client: StoredOAuthClient, body: TokenRequest): SandboxResponse {
  if (!body.code) return oauthError(400, 'invalid_request', 'code is required');
  if (!body.code_verifier) return oauthError(400, 'invalid_request', 'code_verifier is required (PKCE)');
  const { store } = deps;
  const codeHash = sha256Hex(body.code);
  const record = store.data.authCodes.find((c) => c.codeHash === codeHash);
  if (!record || record.clientId !== client.clientId)
    return oauthError(400, 'invalid_grant', 'Unknown authorization code');
  if (record.usedAt !== null) {
    // RFC 6749 §4.1.2: a reused code revokes what was issued from it.
    revokeGrant(deps, record.grantId);
    return oauthError(400, 'invalid_grant', 'Authorization code was already used');
  }
  store.mutate(() => {
    record.usedAt = store.now();
  });
  if (record.expiresAt <= store.now()) return oauthError(400, 'invalid_grant', 'Authorization code expired');
  if (body.redirect_uri !== record.redirectUri)
    return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  if (!CODE_VERIFIER.test(body.code_verifier) || !safeEqual(pkceS256(body.code_verifier), record.codeChallenge)) {
    return oauthError(400, 'invalid_grant', 'code_verifier does not match code_challenge');
  }
  const tokens = issueTokens(deps, {
    userId: record.userId,
    clientId: client.clientId,
    scope: record.scope,
    grantId: record.grantId,
  });
  return json(200, tokens, { pragma: 'no-cache' });
}

function refresh(deps: SandboxDeps, client: StoredOAuthClient, body: TokenRequest): SandboxResponse {
  if (!body.refresh_token) return oauthError(400, 'invalid_request', 'refresh_token is required');
  const tokenHash = sha256Hex(body.refresh_token);
  const old = deps.store.findToken(tokenHash, 'refresh');
  if (!old || old.clientId !== client.clientId)
    return oauthError(400, 'invalid_grant', 'Unknown or already used refresh token');
  deps.store.mutate((state) => {
    state.tokens = state.tokens.filter((t) => t !== old);
  });
  const tokens = issueTokens(deps, {
    userId: old.userId,
    clientId: client.clientId,
    scope: old.scope,
    grantId: old.grantId,
  });
  return json(200, tokens, { pragma: 'no-cache' });
}

function postToken(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const body = readTokenRequest(ctx);
  if ('status' in body) return body;
  const client = authenticateClient(deps, ctx, body);
  if ('status' in client) return client;
  switch (body.grant_type) {
    case 'authorization_code':
      return exchangeCode(deps, client, body);
    case 'refresh_token':
      return refresh(deps, client, body);
    default:
      return oauthError(400, 'unsupported_grant_type', `grant_type ${body.grant_type} is not supported`);
  }
}

export function registerOAuthRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/oauth/authorize', (ctx) => getAuthorize(deps, ctx));
  router.post('/oauth/authorize', (ctx) => postAuthorize(deps, ctx));
  router.post('/oauth/token', (ctx) => postToken(deps, ctx));
}
