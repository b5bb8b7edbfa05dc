import { ConnectorError } from '../connector.errors';
import type {
  ApiVersionPin,
  CallOptions,
  ConnectorCredential,
  ConnectorWriter,
  PlatformSettings,
  PublishContent,
  PublishOutcome,
} from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest } from '../http/connector-http';
import { organizationUrn, readCredential } from './linkedin-author';
import { duplicateOf, mapLinkedInError } from './linkedin-errors';
import { linkedinApiHttp } from './linkedin-http.config';
import { readMember } from './linkedin-identity';
import { fromLittleText, toLittleText } from './linkedin-little';
import type { LinkedInMediaPlan } from './linkedin-media-rules';
import { planLinkedInPost } from './linkedin-media-rules';
import { uploadLinkedInMedia } from './linkedin-media-upload';
import { authorPostsSince, mediaIdsOf, readLinkedInPost, toPlatformPost } from './linkedin-posts';
import { RESUME_KEYS, resumeOf } from './linkedin-resume';
import type { LinkedInPost } from './linkedin-wire';
import { postUrnSchema } from './linkedin-wire';
import { LINKEDIN_API_VERSION } from './linkedin.platform';

/** LinkedIn's clock and ours disagree a little: a post found after a lost answer may predate our send by this. */
const CLOCK_SKEW_MS = 30_000;

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Write side of LinkedIn (Posts API). Registered only in ../writer-registry.ts (C-17).
 *
 * A publish is: media through LinkedIn's own upload flows (each URN saved before its bytes go), then
 * POST /rest/posts (its first send time saved before it goes). A retry after a lost answer reads the saved post
 * URN, or looks among the author's posts since that send for this text, before it posts anything.
 */
class LinkedInWriter implements ConnectorWriter {
  readonly platform = 'linkedin' as const;
  private readonly http: ConnectorHttpConfig;

  constructor(
    private readonly settings: PlatformSettings,
    version: ApiVersionPin,
  ) {
    this.http = linkedinApiHttp(settings, version);
  }

  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    _idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    // LinkedIn honours no idempotency key: the resume memory and the author's own posts stand in for one.
    const plan = planLinkedInPost(content);
    const resume = resumeOf(opts.resume);
    const saved = await resume.get();
    const { token, organizationId } = readCredential(cred);
    const author = organizationId
      ? organizationUrn(organizationId)
      : (await readMember(this.http, token, opts.signal)).urn;
    const warnings =
      content.link && !content.text.includes(content.link)
        ? ['the link was not attached: LinkedIn posts made through Raize carry links in their text']
        : [];

    const known = saved[RESUME_KEYS.post];
    if (known) {
      const post = await readLinkedInPost(this.http, token, known, opts);
      if (post) return { post: toPlatformPost(post), replayed: true, warnings };
    }
    const sentAt = saved[RESUME_KEYS.postSentAt] ? Date.parse(saved[RESUME_KEYS.postSentAt]!) : null;
    if (sentAt !== null) {
      const found = await this.findSent(token, author, content, plan, sentAt, opts);
      if (found) {
        await resume.put({ [RESUME_KEYS.post]: found.id });
        return { post: toPlatformPost(found), replayed: true, warnings };
      }
    }

    const mediaIds: string[] = [];
    const media = plan.kind === 'text' ? [] : plan.kind === 'multiImage' ? plan.media : [plan.media];
    for (const [i, m] of media.entries())
      mediaIds.push(
        await uploadLinkedInMedia(
          { http: this.http, settings: this.settings, token, owner: author, resume, saved, opts },
          m,
          i,
        ),
      );

    if (sentAt === null) await resume.put({ [RESUME_KEYS.postSentAt]: new Date().toISOString() });
    let duplicate: string | undefined;
    const http: ConnectorHttpConfig = {
      ...this.http,
      mapError: (f) => {
        duplicate = duplicateOf(f.body);
        return mapLinkedInError(f);
      },
    };
    let answer;
    try {
      answer = await connectorRequest(http, {
        method: 'POST',
        path: '/rest/posts',
        route: '/rest/posts',
        token,
        json: postBody(author, content.text, plan, mediaIds),
        signal: opts.signal,
      });
    } catch (err) {
      // After a lost answer LinkedIn may refuse our own post as a duplicate of itself: that post is the outcome.
      const ours =
        sentAt !== null && duplicate && err instanceof ConnectorError && err.details.platformCode === 'DUPLICATE_POST'
          ? await readLinkedInPost(this.http, token, duplicate, opts)
          : null;
      if (ours && ours.author === author && ours.createdAt >= sentAt! - CLOCK_SKEW_MS) {
        await resume.put({ [RESUME_KEYS.post]: ours.id });
        return { post: toPlatformPost(ours), replayed: true, warnings };
      }
      throw err;
    }
    const id = postUrnSchema.safeParse(answer.headers.get('x-restli-id'));
    // LinkedIn said 201: the post exists, but without its id we cannot prove which one it is.
    if (!id.success)
      throw new ConnectorError('outcome_unknown', 'POST /rest/posts answered 201 without a post URN in x-restli-id', {
        status: answer.status,
        requestId: answer.requestId,
      });
    await resume.put({ [RESUME_KEYS.post]: id.data });
    const created: LinkedInPost = {
      id: id.data,
      author,
      commentary: toLittleText(content.text),
      createdAt: Date.now(),
      lifecycleState: 'PUBLISHED',
      visibility: 'PUBLIC',
      content: contentOf(plan, mediaIds),
    };
    return { post: toPlatformPost(created), replayed: false, requestId: answer.requestId, warnings };
  }

  /** The post an earlier send made, if LinkedIn has it: this author, this text, as many media, after that send. */
  private async findSent(
    token: string,
    author: string,
    content: PublishContent,
    plan: LinkedInMediaPlan,
    sentAt: number,
    opts: CallOptions,
  ): Promise<LinkedInPost | null> {
    const want = normalised(content.text);
    const count = plan.kind === 'text' ? 0 : plan.kind === 'multiImage' ? plan.media.length : 1;
    let match: LinkedInPost | null = null;
    for await (const p of authorPostsSince(this.http, token, author, new Date(sentAt - CLOCK_SKEW_MS), opts)) {
      // Newest first: the last match is the earliest, the one our first send made.
      if (normalised(fromLittleText(p.commentary)) === want && mediaIdsOf(p).length === count) match = p;
    }
    return match;
  }
}

function contentOf(plan: LinkedInMediaPlan, ids: string[]): LinkedInPost['content'] {
  if (plan.kind === 'text') return undefined;
  if (plan.kind === 'multiImage') return { multiImage: { images: ids.map((id) => ({ id })) } };
  return { media: { id: ids[0]! } };
}

/** POST /rest/posts (Posts API, "Create a post"): an organic, public, main-feed post. */
function postBody(author: string, text: string, plan: LinkedInMediaPlan, mediaIds: string[]) {
  const content = contentOf(plan, mediaIds);
  return {
    author,
    commentary: toLittleText(text),
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    ...(content ? { content } : {}),
  };
}

export function createLinkedInWriter(settings: PlatformSettings): ConnectorWriter {
  return new LinkedInWriter(settings, LINKEDIN_API_VERSION);
}
