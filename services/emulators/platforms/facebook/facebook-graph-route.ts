import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { RegisteredApp } from '../kit/consent';
import { bucHeader, graphError, throttleError, tokenError } from './facebook-graph-errors';
import type { FacebookWorld } from './facebook-world';

/**
 * The part every Graph route shares: the version in the path (a retired one is refused), the parameters (query,
 * urlencoded body or multipart), the token (Authorization header or access_token parameter) with its
 * appsecret_proof, the Page's call budget and the usage headers Graph adds to its answers.
 */

/** Graph API versions and the day each stops (https://developers.facebook.com/docs/graph-api/changelog). */
export const GRAPH_VERSIONS: Record<string, string | null> = {
  'v18.0': '2026-01-26',
  'v19.0': '2026-05-21',
  'v20.0': '2026-09-24',
  'v21.0': '2027-01-21',
  'v22.0': '2027-05-20',
  'v23.0': '2027-10-08',
  'v24.0': '2028-02-18',
  'v25.0': '2028-07-29',
  'v26.0': null,
};

export interface UploadedFile {
  bytes: Buffer;
  contentType: string;
}

export type Caller =
  | { kind: 'page'; token: string; pageId: string; userId: string | undefined; scope: string[] }
  | { kind: 'user'; token: string; userId: string; scope: string[]; issuedAt: number; long: boolean }
  | { kind: 'app' };

export interface GraphContext {
  req: EmulatorRequest;
  params: URLSearchParams;
  files: Map<string, UploadedFile>;
  caller: Caller;
}

export interface GraphSettings {
  world: FacebookWorld;
  app: RegisteredApp;
  /** versions refused now whatever the calendar says (the sunset test) */
  retired: Set<string>;
  requireAppSecretProof: boolean;
  /** calls a Page may make in a rolling hour before 80001 (Business Use Case limit) */
  pageCallLimit: number;
  /** answers held until close: the write was applied, the answer never leaves */
  held: Set<() => void>;
  /** page id → times of its calls in the last hour */
  pageCalls: Map<string, number[]>;
}

type Auth = 'none' | 'any' | 'page' | 'user';

const VERSIONED = /^\/(?<version>v\d+\.\d+)(?<rest>\/.*)$/;

/** A Graph route: `path` is matched after the optional `/vNN.N` prefix. */
export function graphRoute(
  s: GraphSettings,
  method: EmulatorRoute['method'],
  path: RegExp,
  auth: Auth,
  handle: (ctx: GraphContext) => EmulatorReply | Promise<EmulatorReply>,
): EmulatorRoute {
  const full = new RegExp(`^(?:/v\\d+\\.\\d+)?${path.source.replace(/^\^/, '')}`);
  return {
    method,
    path: full,
    async handle(req) {
      const versionProblem = checkVersion(s, req);
      if (versionProblem) return versionProblem;
      const { params, files } = await readParams(req);
      const caller = auth === 'none' ? ({ kind: 'app' } as const) : resolveCaller(s, req, params, auth);
      if ('status' in caller) return caller;
      const budget = caller.kind === 'page' ? spend(s, caller.pageId) : undefined;
      if (budget?.throttled) return throttleError('buc', budget.pageId, budget.minutes);
      const reply = await handle({ req, params, files, caller });
      reply.headers = { ...usageHeaders(budget), ...reply.headers };
      if (req.fault?.kind === 'custom' && req.fault.name === 'lose_answer') {
        // Applied, then silent: the client's deadline fires and it cannot know the post exists.
        await new Promise<void>((resolve) => s.held.add(resolve));
      }
      return reply;
    },
  };
}

function checkVersion(s: GraphSettings, req: EmulatorRequest): EmulatorReply | undefined {
  const m = VERSIONED.exec(req.path);
  // Unversioned calls use the app's default version, as Graph does.
  if (!m?.groups) return undefined;
  const version = m.groups.version!;
  if (!(version in GRAPH_VERSIONS)) return graphError(400, 2500, `Unknown path components: /${version}`);
  const sunset = GRAPH_VERSIONS[version];
  const retired =
    s.retired.has(version) || (sunset !== null && s.world.clock.now() >= Date.parse(`${sunset}T00:00:00Z`));
  // Graph upgrades calls to a retired version on its own; the emulator refuses them as the Marketing API does
  // (#2635), so that a connector still pinned to one is told instead of silently getting newer behaviour.
  if (retired)
    return graphError(400, 2635, `(#2635) You are calling a deprecated version of the Graph API (${version}).`);
  return undefined;
}

async function readParams(
  req: EmulatorRequest,
): Promise<{ params: URLSearchParams; files: Map<string, UploadedFile> }> {
  const params = new URLSearchParams(req.query);
  const files = new Map<string, UploadedFile>();
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded'))
    for (const [k, v] of new URLSearchParams(req.rawBody)) params.append(k, v);
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(req.rawBytes, { headers: { 'content-type': type } }).formData();
    for (const [k, v] of form.entries()) {
      if (typeof v === 'string') params.append(k, v);
      else files.set(k, { bytes: Buffer.from(await v.arrayBuffer()), contentType: v.type });
    }
  }
  return { params, files };
}

function resolveCaller(
  s: GraphSettings,
  req: EmulatorRequest,
  params: URLSearchParams,
  auth: Auth,
): Caller | EmulatorReply {
  const header = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = header ?? params.get('access_token') ?? '';
  if (!token) return graphError(400, 104, 'An access token is required to request this resource.');
  if (token === `${s.app.clientId}|${s.app.clientSecret}`) {
    if (auth === 'any') return { kind: 'app' };
    return graphError(400, 200, '(#200) This method must be called with a Page or user access token');
  }
  const caller = tokenCaller(s.world, token);
  if ('status' in caller) return caller;
  if (auth === 'page' && caller.kind !== 'page') return graphError(400, 210, '(#210) A Page access token is required');
  if (auth === 'user' && caller.kind !== 'user') return graphError(400, 200, '(#200) A user access token is required');
  const proof = params.get('appsecret_proof');
  if (proof !== null && !sameHex(proof, createHmac('sha256', s.app.clientSecret).update(token).digest('hex')))
    return graphError(400, 100, 'Invalid appsecret_proof provided in the API argument', {
      type: 'GraphMethodException',
    });
  if (proof === null && s.requireAppSecretProof)
    return graphError(400, 100, 'API calls from the server require an appsecret_proof argument', {
      type: 'GraphMethodException',
    });
  return caller;
}

/** Who a token belongs to, or the documented 190 error it earns (expired 463, revoked with its reason, unknown). */
export function tokenCaller(world: FacebookWorld, token: string): Exclude<Caller, { kind: 'app' }> | EmulatorReply {
  if (token.startsWith('fbemu_page')) {
    const r = world.pageTokens.resolve(token);
    if (typeof r === 'string') return problem(world, r, world.userOfPageToken(token));
    return { kind: 'page', token, pageId: r.accountId, userId: world.userOfPageToken(token), scope: r.scope };
  }
  const book = token.startsWith('fbemu_ul') ? world.longUserTokens : world.shortUserTokens;
  const r = book.resolve(token);
  if (typeof r === 'string') return problem(world, r, undefined);
  return {
    kind: 'user',
    token,
    userId: r.accountId,
    scope: r.scope,
    issuedAt: r.issuedAt,
    long: book === world.longUserTokens,
  };
}

function problem(world: FacebookWorld, p: 'unknown' | 'expired' | 'revoked', userId: string | undefined) {
  if (p === 'expired') return tokenError(463);
  if (p === 'revoked') return tokenError((userId && world.revokedBecause.get(userId)) || 460);
  return tokenError(undefined);
}

function spend(s: GraphSettings, pageId: string) {
  const now = s.world.clock.now();
  const recent = (s.pageCalls.get(pageId) ?? []).filter((t) => t > now - 3600_000);
  s.pageCalls.set(pageId, recent);
  if (recent.length >= s.pageCallLimit) {
    const minutes = Math.max(1, Math.ceil((recent[0]! + 3600_000 - now) / 60_000));
    return { pageId, throttled: true as const, minutes, percent: 100 };
  }
  recent.push(now);
  return {
    pageId,
    throttled: false as const,
    minutes: 0,
    percent: Math.round((recent.length * 100) / s.pageCallLimit),
  };
}

function usageHeaders(budget: ReturnType<typeof spend> | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'x-fb-request-id': createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 16),
    'x-app-usage': JSON.stringify({ call_count: 1, total_cputime: 1, total_time: 1 }),
  };
  if (budget) headers['x-business-use-case-usage'] = bucHeader(budget.pageId, budget.percent, 0);
  return headers;
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
