import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { ConsentDesk } from '../kit/consent';
import { graphError, tokenError } from './facebook-graph-errors';
import type { GraphContext, GraphSettings } from './facebook-graph-route';
import { graphRoute, tokenCaller } from './facebook-graph-route';

/**
 * Facebook Login (manual flow) and the token endpoints around it:
 * - https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow (dialog, code exchange)
 * - https://developers.facebook.com/documentation/facebook-login/guides/advanced/oidc-token (PKCE S256)
 * - https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived (fb_exchange_token,
 *   Page tokens from /me/accounts that do not expire)
 * - https://developers.facebook.com/docs/pages/getting-started (/me/accounts with tasks)
 * - https://developers.facebook.com/docs/graph-api/reference/debug_token
 */
const SHORT_LIVED_SECONDS = 2 * 3600;
const LONG_LIVED_SECONDS = 60 * 86400;
const PAGE_SCOPE = /^pages_/;

/** What the dialog recorded with a code besides what ConsentDesk keeps: the Pages chosen and the permissions declined. */
export type CodeChoices = Map<string, { pages: string[]; declined: string[] }>;

export function loginRoutes(s: GraphSettings, desk: ConsentDesk, choices: CodeChoices): EmulatorRoute[] {
  const { world } = s;
  // The real dialog lets the person tick the Pages Raize may use: one choice per (person, Page) first, then each
  // person with every Page ticked (the dialog's default). A choice `<person>|<page>` posts as that person with only
  // that Page ticked.
  const users = () => [
    ...[...world.users.values()].flatMap((u) =>
      [...u.roles.keys()].map((pageId) => ({
        id: `${u.id}|${pageId}`,
        label: `${u.name} · only ${world.pages.get(pageId)?.displayName ?? pageId}`,
      })),
    ),
    ...[...world.users.values()].map((u) => ({ id: u.id, label: `${u.name} · every Page` })),
  ];
  return [
    { method: 'GET', path: /^\/v\d+\.\d+\/dialog\/oauth$/, handle: (req) => desk.page('Facebook', req, users()) },
    {
      method: 'POST',
      path: /^\/v\d+\.\d+\/dialog\/oauth$/,
      handle: (req) => answerDialog(s, desk, choices, req),
    },
    graphRoute(s, 'GET', /^\/oauth\/access_token$/, 'none', (ctx) => tokenEndpoint(s, desk, choices, ctx)),
    graphRoute(s, 'POST', /^\/oauth\/access_token$/, 'none', (ctx) => tokenEndpoint(s, desk, choices, ctx)),
    graphRoute(s, 'GET', /^\/me\/accounts$/, 'user', (ctx) => {
      if (ctx.caller.kind !== 'user') return graphError(400, 200, 'A user access token is required');
      const { userId, scope } = ctx.caller;
      // Without pages_show_list Graph lists nothing.
      const pages = scope.includes('pages_show_list') ? world.grantedPages(userId) : [];
      const roles = world.users.get(userId)?.roles;
      return {
        status: 200,
        json: {
          data: pages.map((p) => ({
            id: p.id,
            name: p.displayName,
            category: 'Coffee Shop',
            access_token: world.issuePageToken(userId, p.id, scope),
            tasks: roles?.get(p.id) ?? [],
          })),
          paging: { cursors: { before: 'QVFI', after: 'QVFI' } },
        },
      };
    }),
    graphRoute(s, 'GET', /^\/me\/permissions$/, 'user', (ctx) => {
      if (ctx.caller.kind !== 'user') return graphError(400, 200, 'A user access token is required');
      const grant = world.grants.get(ctx.caller.userId);
      return {
        status: 200,
        json: {
          data: [
            ...ctx.caller.scope.map((permission) => ({ permission, status: 'granted' })),
            ...(grant?.declined ?? []).map((permission) => ({ permission, status: 'declined' })),
          ],
        },
      };
    }),
    graphRoute(s, 'GET', /^\/debug_token$/, 'any', (ctx) => debugToken(s, ctx)),
  ];
}

function answerDialog(
  s: GraphSettings,
  desk: ConsentDesk,
  choices: CodeChoices,
  dialog: EmulatorRequest,
): EmulatorReply {
  const req = withOnePageChoice(dialog);
  const reply = desk.answer(req, [...s.world.users.keys()]);
  const location = reply.headers?.location;
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (code) {
    const form = new URLSearchParams(req.rawBody);
    const userId = form.get('account') ?? '';
    const chosen = form.getAll('pages');
    // Facebook's dialog preselects every Page the person has a role on; a test unticks by naming the ones it keeps.
    const pages = chosen.length ? chosen : [...(s.world.users.get(userId)?.roles.keys() ?? [])];
    choices.set(code, { pages, declined: form.getAll('decline') });
  }
  return reply;
}

/** `account=<person>|<page>` is the person with only that Page ticked. */
function withOnePageChoice(req: EmulatorRequest): EmulatorRequest {
  const form = new URLSearchParams(req.rawBody);
  const [person, page] = (form.get('account') ?? '').split('|');
  if (!page) return req;
  form.set('account', person ?? '');
  form.append('pages', page);
  const rawBody = form.toString();
  return { ...req, rawBody, rawBytes: Buffer.from(rawBody) };
}

function tokenEndpoint(s: GraphSettings, desk: ConsentDesk, choices: CodeChoices, ctx: GraphContext): EmulatorReply {
  const p = ctx.params;
  const { world, app } = s;
  if (p.get('client_id') !== app.clientId)
    return graphError(400, 101, 'Error validating application. Invalid application ID.');
  if (p.get('client_secret') !== app.clientSecret) return graphError(400, 1, 'Error validating client secret.');
  if (p.get('grant_type') === 'fb_exchange_token') {
    const caller = tokenCaller(world, p.get('fb_exchange_token') ?? '');
    if ('status' in caller) return caller;
    if (caller.kind !== 'user') return tokenError(undefined);
    const long = world.longUserTokens.issue(caller.userId, caller.scope);
    return {
      status: 200,
      json: { access_token: long.accessToken, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS },
    };
  }
  const code = p.get('code') ?? '';
  const redirectUri = p.get('redirect_uri');
  if (redirectUri === null) return graphError(400, 191, 'Missing redirect_uri parameter.');
  const redeemed = desk.redeem({
    code,
    clientId: app.clientId,
    clientSecret: p.get('client_secret') ?? undefined,
    redirectUri,
    codeVerifier: p.get('code_verifier') ?? undefined,
    requireSecret: true,
  });
  if (redeemed === 'pkce_mismatch') return graphError(400, 100, 'Invalid code verifier.', { subcode: 36008 });
  if (typeof redeemed === 'string')
    return graphError(400, 100, 'This authorization code has expired or has been used.', { subcode: 36007 });
  const choice = choices.get(code) ?? { pages: [], declined: [] };
  choices.delete(code);
  const scopes = redeemed.scope.filter((x) => !choice.declined.includes(x));
  world.grants.set(redeemed.accountId, { pages: choice.pages, scopes, declined: choice.declined });
  const short = world.shortUserTokens.issue(redeemed.accountId, scopes);
  return {
    status: 200,
    json: { access_token: short.accessToken, token_type: 'bearer', expires_in: SHORT_LIVED_SECONDS },
  };
}

function debugToken(s: GraphSettings, ctx: GraphContext): EmulatorReply {
  const input = ctx.params.get('input_token') ?? '';
  // An app token inspects any token of the app; another token may inspect only itself.
  if (ctx.caller.kind !== 'app' && ctx.caller.token !== input)
    return graphError(
      400,
      100,
      '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app',
    );
  const who = tokenCaller(s.world, input);
  const base = { app_id: s.app.clientId, application: 'Raize', data_access_expires_at: 0 };
  if ('status' in who) {
    const e = (who.json as { error: { code: number; message: string; error_subcode?: number } }).error;
    return {
      status: 200,
      json: {
        data: {
          ...base,
          is_valid: false,
          scopes: [],
          error: { code: e.code, message: e.message, subcode: e.error_subcode },
        },
      },
    };
  }
  const targets = who.kind === 'page' ? [who.pageId] : (s.world.grants.get(who.userId)?.pages ?? []);
  return {
    status: 200,
    json: {
      data: {
        ...base,
        type: who.kind === 'page' ? 'PAGE' : 'USER',
        is_valid: true,
        // 0: a Page token never expires; user tokens run 2 hours (short-lived) or 60 days (long-lived).
        expires_at:
          who.kind === 'page'
            ? 0
            : Math.floor((who.issuedAt + (who.long ? LONG_LIVED_SECONDS : SHORT_LIVED_SECONDS) * 1000) / 1000),
        scopes: who.scope,
        granular_scopes: who.scope.map((scope) =>
          PAGE_SCOPE.test(scope) ? { scope, target_ids: targets } : { scope },
        ),
        ...(who.kind === 'page' ? { profile_id: who.pageId, user_id: who.userId } : { user_id: who.userId }),
      },
    },
  };
}
