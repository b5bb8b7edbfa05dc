/**
 * Identity, Page roles and the Posts API of the LinkedIn emulator, from:
 * - https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2 (GET /v2/userinfo:
 *   `sub`, `name`, `given_name`, `family_name`; needs the openid scope)
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
 *   (GET /rest/organizationAcls?q=roleAssignee: the member's roles, `{role, state, organization, roleAssignee}`)
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api
 *   (GET /rest/organizations/{id}: `localizedName`, `vanityName`)
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api (POST /rest/posts answers
 *   201 with the URN in `x-restli-id`; GET /rest/posts/{encoded urn}; GET /rest/posts?author=&q=author&count=&start=&sortBy=;
 *   w_member_social / w_organization_social to post, r_member_social / r_organization_social to read; MultiImage 2-20
 *   images; commentary up to 3,000 characters in the little text format)
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import { parseCommentary } from './linkedin-commentary';
import { accessDenied, badRequest, notFound, restError, unprocessable } from './linkedin-problems';
import type { Session } from './linkedin-session';
import { isReply, requireScope, sessionOf } from './linkedin-session';
import type { LinkedInWorld, StoredPost } from './linkedin-world';
import { sha256 } from './linkedin-world';

/** Roles that may post as a Page; reading its posts takes any approved role. */
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);
const ANY_ROLE = new Set([
  'ADMINISTRATOR',
  'CONTENT_ADMINISTRATOR',
  'ANALYST',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
]);
const MAX_COMMENTARY = 3000;
const AUTHOR = /^urn:li:(person|organization):[0-9A-Za-z_-]+$/;

export function restRoutes(p: { world: LinkedInWorld; tokens: TokenBook; now: () => number }): EmulatorRoute[] {
  const { world, tokens, now } = p;
  const withSession = (fn: (req: EmulatorRequest, s: Session) => EmulatorReply) => (req: EmulatorRequest) => {
    const s = sessionOf(req, tokens);
    return isReply(s) ? s : fn(req, s);
  };

  /** May this session write as / read the posts of `author`? */
  const canWrite = (s: Session, author: string) =>
    author.startsWith('urn:li:organization:')
      ? (requireScope(s, ['w_organization_social'], 'partnerApiPostsExternal.CREATE') ??
        (world.mayActAs(s.member, author, POSTING_ROLES) ? undefined : accessDenied('organization role')))
      : (requireScope(s, ['w_member_social'], 'partnerApiPostsExternal.CREATE') ??
        (author === s.member ? undefined : accessDenied('author')));
  const canRead = (s: Session, author: string) =>
    author.startsWith('urn:li:organization:')
      ? (requireScope(s, ['r_organization_social', 'w_organization_social'], 'partnerApiPostsExternal.GET') ??
        (world.mayActAs(s.member, author, ANY_ROLE) ? undefined : accessDenied('organization role')))
      : (requireScope(s, ['r_member_social'], 'partnerApiPostsExternal.GET') ??
        (author === s.member ? undefined : accessDenied('author')));

  return [
    {
      method: 'GET',
      path: '/v2/userinfo',
      handle: withSession((_req, s) => {
        const denied = requireScope(s, ['openid'], 'userinfo');
        if (denied) return denied;
        const m = world.member(s.member)!;
        const named = s.scope.includes('profile');
        return {
          status: 200,
          json: {
            sub: m.sub,
            ...(named
              ? { name: `${m.givenName} ${m.familyName}`, given_name: m.givenName, family_name: m.familyName }
              : {}),
            locale: { country: 'US', language: 'en' },
          },
        };
      }),
    },
    {
      method: 'GET',
      path: '/rest/organizationAcls',
      handle: withSession((req, s) => {
        if (req.query.get('q') !== 'roleAssignee') return badRequest('Only the roleAssignee finder is emulated');
        const denied = requireScope(
          s,
          ['r_organization_social', 'w_organization_social', 'rw_organization_admin', 'r_organization_admin'],
          'organizationAcls.FINDER-roleAssignee',
        );
        if (denied) return denied;
        const role = req.query.get('role');
        const state = req.query.get('state');
        const rows = world.acls.filter(
          (a) => a.member === s.member && (!role || a.role === role) && (!state || a.state === state),
        );
        return page(
          req,
          rows.map((a) => ({ role: a.role, state: a.state, organization: a.organization, roleAssignee: a.member })),
        );
      }),
    },
    {
      method: 'GET',
      path: /^\/rest\/organizations\/(?<id>\d+)$/,
      handle: withSession((req) => {
        const o = world.organization(req.params.id!);
        if (!o) return notFound('Organization');
        return { status: 200, json: { id: Number(o.id), localizedName: o.localizedName, vanityName: o.vanityName } };
      }),
    },
    {
      method: 'POST',
      path: '/rest/posts',
      handle: withSession((req, s) => createPost(world, req, s, canWrite)),
    },
    {
      method: 'GET',
      path: /^\/rest\/posts\/(?<urn>[^/]+)$/,
      handle: withSession((req, s) => {
        const urn = decodeURIComponent(req.params.urn!);
        if (urn === req.params.urn && urn.includes(':'))
          return badRequest('Resource keys must be URL-encoded under Rest.li protocol 2.0.0');
        const post = world.posts.find((x) => x.id === urn);
        if (!post) return notFound('Post');
        return canRead(s, post.author) ?? { status: 200, json: postJson(post) };
      }),
    },
    {
      method: 'GET',
      path: '/rest/posts',
      handle: withSession((req, s) => {
        if (req.query.get('q') !== 'author') return badRequest('Only the author finder is emulated');
        const author = req.query.get('author') ?? '';
        if (!AUTHOR.test(author)) return badRequest('author must be a person or organization URN');
        const sortBy = req.query.get('sortBy');
        if (sortBy !== null && sortBy !== 'LAST_MODIFIED' && sortBy !== 'CREATED')
          return badRequest('sortBy must be LAST_MODIFIED or CREATED');
        const denied = canRead(s, author);
        if (denied) return denied;
        const rows = world.posts
          .filter((x) => x.author === author && x.lifecycleState === 'PUBLISHED')
          .filter((x) => x.createdAt <= now() - world.finderLagMs)
          // Newest first; the emulator keeps no edits, so LAST_MODIFIED (the default) and CREATED sort alike.
          .sort((a, b) => b.createdAt - a.createdAt);
        return page(req, rows.map(postJson));
      }),
    },
  ];
}

function page(req: EmulatorRequest, all: unknown[]): EmulatorReply {
  const start = Number(req.query.get('start') ?? '0');
  const count = Math.min(100, Number(req.query.get('count') ?? '10'));
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 1)
    return badRequest('start and count must be non-negative integers');
  const elements = all.slice(start, start + count);
  return { status: 200, json: { paging: { start, count, total: all.length, links: [] }, elements } };
}

function postJson(p: StoredPost) {
  return {
    id: p.id,
    author: p.author,
    commentary: p.commentary,
    visibility: p.visibility,
    lifecycleState: p.lifecycleState,
    lifecycleStateInfo: { isEditedByAuthor: false },
    distribution: { feedDistribution: p.feedDistribution, targetEntities: [], thirdPartyDistributionChannels: [] },
    isReshareDisabledByAuthor: false,
    createdAt: p.createdAt,
    publishedAt: p.createdAt,
    lastModifiedAt: p.createdAt,
    ...(p.content ? { content: p.content } : {}),
  };
}

interface PostBody {
  author?: unknown;
  commentary?: unknown;
  visibility?: unknown;
  distribution?: { feedDistribution?: unknown };
  lifecycleState?: unknown;
  isReshareDisabledByAuthor?: unknown;
  content?: { media?: { id?: unknown }; multiImage?: { images?: { id?: unknown }[] } };
}

function createPost(
  world: LinkedInWorld,
  req: EmulatorRequest,
  s: Session,
  canWrite: (s: Session, author: string) => EmulatorReply | undefined,
): EmulatorReply {
  if (req.jsonError || typeof req.json !== 'object' || req.json === null) return badRequest('The body must be JSON');
  const b = req.json as PostBody;
  if (typeof b.author !== 'string' || !AUTHOR.test(b.author)) return unprocessable('ERROR :: /author :: invalid URN');
  if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(String(b.visibility)))
    return unprocessable('ERROR :: /visibility :: invalid value');
  if (typeof b.distribution?.feedDistribution !== 'string')
    return unprocessable('ERROR :: /distribution/feedDistribution :: field is required but not found');
  if (!['PUBLISHED', 'DRAFT'].includes(String(b.lifecycleState)))
    return unprocessable('ERROR :: /lifecycleState :: invalid value');
  if (b.isReshareDisabledByAuthor !== undefined && typeof b.isReshareDisabledByAuthor !== 'boolean')
    return unprocessable('ERROR :: /isReshareDisabledByAuthor :: not a boolean');
  const denied = canWrite(s, b.author);
  if (denied) return denied;

  const ids: string[] = [];
  const multi = b.content?.multiImage?.images;
  if (multi) {
    if (multi.length < 2 || multi.length > 20)
      return unprocessable('ERROR :: /content/multiImage/images :: a MultiImage post carries 2 to 20 images');
    ids.push(...multi.map((i) => String(i.id)));
  } else if (b.content?.media) ids.push(String(b.content.media.id));
  const assets = [];
  for (const id of ids) {
    const a = world.assets.get(id);
    if (!a) return unprocessable(`ERROR :: /content :: ${id} does not exist`);
    if (a.owner !== b.author) return accessDenied('media owned by another author');
    if (a.status !== 'AVAILABLE') return restError(400, `Media ${id} is not AVAILABLE`, { code: 'MEDIA_NOT_READY' });
    if (multi && a.kind !== 'image') return unprocessable('ERROR :: /content/multiImage :: images only');
    assets.push(a);
  }

  const commentary = typeof b.commentary === 'string' ? b.commentary : '';
  const parsed = parseCommentary(commentary);
  if ([...parsed.plain].length > MAX_COMMENTARY)
    return unprocessable(`ERROR :: /commentary :: length must be at most ${MAX_COMMENTARY}`);
  if (!parsed.plain.trim() && ids.length === 0)
    return unprocessable('ERROR :: /commentary :: a post needs text or content');

  // LinkedIn refuses a post that repeats one of the author's posts: same text, same media.
  const duplicate = world.posts.find(
    (x) =>
      x.author === b.author && x.commentary === parsed.stored && sameMedia(x, ids) && x.lifecycleState === 'PUBLISHED',
  );
  if (duplicate) return unprocessable(`Content is a duplicate of ${duplicate.id}`);

  const post = world.addPost(
    {
      author: b.author,
      commentary: parsed.stored,
      plain: parsed.plain,
      truncated: parsed.truncated,
      visibility: String(b.visibility),
      lifecycleState: String(b.lifecycleState),
      feedDistribution: b.distribution.feedDistribution,
      content: multi
        ? { multiImage: { images: ids.map((id) => ({ id })) } }
        : ids[0]
          ? { media: { id: ids[0] } }
          : undefined,
      media: assets.map((a) => ({
        contentType: a.contentType ?? '',
        sha256: sha256(a.bytes ?? Buffer.alloc(0)),
        size: a.bytes?.length ?? 0,
      })),
    },
    assets.some((a) => a.kind === 'video'),
  );
  return { status: 201, headers: { 'x-restli-id': post.id, 'x-linkedin-id': post.id }, body: '' };
}

function sameMedia(p: StoredPost, ids: string[]): boolean {
  const theirs = p.content?.multiImage?.images.map((i) => i.id) ?? (p.content?.media ? [p.content.media.id] : []);
  return theirs.length === ids.length && theirs.every((id, i) => id === ids[i]);
}
