/**
 * A LinkedIn Page's statistics in the LinkedIn emulator (figures from kit/emulated-metrics.ts), from:
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
 *   (GET /rest/organizationalEntityShareStatistics?q=organizationalEntity: lifetime totals, or one element per day with
 *   `timeIntervals=(timeRange:(start:…,end:…),timeGranularityType:DAY)`, or per post with `shares=List(…)` /
 *   `ugcPosts=List(…)`; `totalShareStatistics` with `engagement` as a rate; rw_organization_admin and the
 *   ADMINISTRATOR role, else 403 ACCESS_DENIED)
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics
 *   (GET /rest/networkSizes/{organization urn}?edgeType=COMPANY_FOLLOWED_BY_MEMBER: `{firstDegreeSize}`)
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { EmulatedPostFigures } from '../kit/emulated-metrics';
import { emulatedDayFigures, emulatedFollowers, emulatedPostFigures } from '../kit/emulated-metrics';
import type { TokenBook } from '../kit/token-book';
import { accessDenied, badRequest } from './linkedin-problems';
import type { Session } from './linkedin-session';
import { isReply, requireScope, sessionOf } from './linkedin-session';
import type { LinkedInWorld } from './linkedin-world';

const ADMIN = new Set(['ADMINISTRATOR']);
const ANY_ROLE = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR', 'ANALYST']);
const DAY_MS = 86_400_000;
const INTERVAL = /^\(timeRange:\(start:(\d+),end:(\d+)\),timeGranularityType:(DAY|MONTH)\)$/;
const LIST = /^List\((.*)\)$/;

export function analyticsRoutes(p: { world: LinkedInWorld; tokens: TokenBook; now: () => number }): EmulatorRoute[] {
  const { world, tokens, now } = p;
  const withSession = (fn: (req: EmulatorRequest, s: Session) => EmulatorReply) => (req: EmulatorRequest) => {
    const s = sessionOf(req, tokens);
    return isReply(s) ? s : fn(req, s);
  };

  return [
    {
      method: 'GET',
      path: /^\/rest\/networkSizes\/(?<urn>[^/]+)$/,
      handle: withSession((req, s) => {
        const org = decodeURIComponent(req.params.urn!);
        if (req.query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER')
          return badRequest('edgeType must be COMPANY_FOLLOWED_BY_MEMBER');
        const denied =
          requireScope(s, ['r_organization_social', 'rw_organization_admin'], 'networkSizes.GET') ??
          (world.mayActAs(s.member, org, ANY_ROLE) ? undefined : accessDenied('organization role'));
        if (denied) return denied;
        return { status: 200, json: { firstDegreeSize: emulatedFollowers(org, now()) } };
      }),
    },
    {
      method: 'GET',
      path: '/rest/organizationalEntityShareStatistics',
      handle: withSession((req, s) => {
        if (req.query.get('q') !== 'organizationalEntity') return badRequest('Only the organizationalEntity finder');
        const org = req.query.get('organizationalEntity') ?? '';
        if (!/^urn:li:organization:\d+$/.test(org)) return badRequest('organizationalEntity must be an organization');
        const denied =
          requireScope(
            s,
            ['rw_organization_admin'],
            'organizationalEntityShareStatistics.FINDER-organizationalEntity',
          ) ?? (world.mayActAs(s.member, org, ADMIN) ? undefined : accessDenied('organization role'));
        if (denied) return denied;
        const own = world.posts.filter((x) => x.author === org);
        const listed = [...listParam(req, 'shares'), ...listParam(req, 'ugcPosts')];
        const interval = req.query.get('timeIntervals');
        if (listed.length) {
          const elements = listed.flatMap((urn) => {
            const post = own.find((x) => x.id === urn);
            if (!post) return [];
            const key = urn.startsWith('urn:li:share:') ? 'share' : 'ugcPost';
            const f = emulatedPostFigures(post.id, post.createdAt, now());
            return [{ organizationalEntity: org, [key]: urn, totalShareStatistics: totals(f) }];
          });
          return page(elements);
        }
        const posts = own.map((x) => ({ id: x.id, createdAtMs: x.createdAt }));
        if (!interval) {
          const lifetime = own.map((x) => emulatedPostFigures(x.id, x.createdAt, now()));
          return page([{ organizationalEntity: org, totalShareStatistics: totals(sum(lifetime)) }]);
        }
        const m = INTERVAL.exec(interval);
        if (!m || m[3] !== 'DAY') return badRequest('timeIntervals: only DAY granularity is emulated');
        const [start, end] = [Number(m[1]), Number(m[2])];
        const elements = [];
        for (let d = Math.floor(start / DAY_MS) * DAY_MS; d < end && d <= now(); d += DAY_MS) {
          const f = emulatedDayFigures(posts, d, now());
          const t = {
            impressionCount: f.views,
            uniqueImpressionsCount: f.reach,
            likeCount: Math.floor((f.engagements * 8) / 10),
            commentCount: Math.floor(f.engagements / 10),
            shareCount: f.engagements - Math.floor((f.engagements * 8) / 10) - Math.floor(f.engagements / 10),
            clickCount: Math.floor(f.views / 25),
          };
          elements.push({
            organizationalEntity: org,
            timeRange: { start: d, end: d + DAY_MS },
            totalShareStatistics: { ...t, engagement: rate(t) },
          });
        }
        return page(elements);
      }),
    },
  ];
}

function listParam(req: EmulatorRequest, name: string): string[] {
  const v = req.query.get(name);
  const m = v ? LIST.exec(v) : null;
  return m ? m[1]!.split(',').map((u) => decodeURIComponent(u)) : [];
}

function sum(all: EmulatedPostFigures[]): EmulatedPostFigures {
  const out: EmulatedPostFigures = { views: 0, reach: 0, likes: 0, comments: 0, shares: 0, clicks: 0, saves: 0 };
  for (const f of all) for (const k of Object.keys(out) as (keyof EmulatedPostFigures)[]) out[k] += f[k];
  return out;
}

function totals(f: EmulatedPostFigures) {
  const t = {
    impressionCount: f.views,
    uniqueImpressionsCount: f.reach,
    likeCount: f.likes,
    commentCount: f.comments,
    shareCount: f.shares,
    clickCount: f.clicks,
  };
  return { ...t, engagement: rate(t) };
}

function rate(t: {
  impressionCount: number;
  likeCount: number;
  commentCount: number;
  shareCount: number;
  clickCount: number;
}) {
  return t.impressionCount ? (t.likeCount + t.commentCount + t.shareCount + t.clickCount) / t.impressionCount : 0;
}

function page(elements: unknown[]): EmulatorReply {
  return { status: 200, json: { paging: { count: 10, start: 0, links: [] }, elements } };
}
