import { setTimeout as delay } from 'node:timers/promises';
import { ConnectorError } from '../connector.errors';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  ConnectorWriter,
  PlatformPost,
  PlatformSettings,
  PublishContent,
  PublishOutcome,
} from '../connector.types';
import { contentFingerprint } from '../content-fingerprint';
import { graphClient } from './facebook-graph';
import type { FacebookPlan } from './facebook-media-plan';
import { planFacebookPost } from './facebook-media-plan';
import type { StepCall } from './facebook-publish-steps';
import { FacebookPublishSteps, VIDEO_MAX_POLLS, VIDEO_POLL_MS } from './facebook-publish-steps';
import { FacebookResumeMemory } from './facebook-resume';
import { FACEBOOK_API_VERSION } from './facebook.platform';
import { createFacebookReader } from './facebook.reader';

/** Facebook's clock and ours disagree a little; an earlier attempt's post cannot predate its send by more. */
const CLOCK_SKEW_MS = 60_000;

interface Attempt extends StepCall {
  cred: ConnectorCredential;
  opts: CallOptions;
  memory: FacebookResumeMemory;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Write side of Facebook Pages. Registered only in ../writer-registry.ts (C-17). The Graph API takes no
 * idempotency key, so the key is unused here: a lost answer is handled by the resume memory (the final write is
 * noted before it leaves; the next attempt looks for its post, or its video, before writing again).
 */
class FacebookWriter implements ConnectorWriter {
  readonly platform = 'facebook' as const;
  constructor(
    private readonly steps: FacebookPublishSteps,
    private readonly reader: ConnectorReader,
  ) {}

  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    _idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    const plan = planFacebookPost(content);
    const page = await this.reader.identity(cred, opts);
    const a: Attempt = {
      cred,
      opts,
      token: cred.accessToken,
      pageId: page.externalAccountId,
      signal: opts.signal,
      memory: await FacebookResumeMemory.load(opts.resume),
      sleep: opts.sleep ?? ((ms) => delay(ms, undefined, { signal: opts.signal })),
    };
    const earlier = await this.earlierAttempt(a, plan);
    if (earlier) return { post: earlier, replayed: true };
    return { post: await this.write(a, plan), replayed: false };
  }

  private async write(a: Attempt, plan: FacebookPlan): Promise<PlatformPost> {
    switch (plan.kind) {
      case 'text': {
        await a.memory.finalSending(plan.kind, new Date());
        return this.readBack(a, await this.steps.feed(a, { message: plan.message, link: plan.link }), plan.message);
      }
      case 'photo': {
        await a.memory.finalSending(plan.kind, new Date());
        const photo = await this.steps.photo(a, plan.photo, { caption: plan.message, published: true });
        const postId = photo.post_id ?? (await this.findByText(a, plan.message))?.postId;
        if (!postId) throw notThereYet('/{page-id}/photos', 'the photo is up but Facebook named no post for it');
        return this.readBack(a, postId, plan.message);
      }
      case 'photos': {
        const photoIds: string[] = [];
        for (const [i, m] of plan.photos.entries()) {
          // An unpublished photo whose answer was lost is an orphan nobody sees: uploading again is harmless.
          let id = a.memory.photoId(i, m.checksum);
          if (!id) {
            id = (await this.steps.photo(a, m, { published: false })).id;
            await a.memory.savePhoto(i, m.checksum, id);
          }
          photoIds.push(id);
          a.opts.onProgress?.();
        }
        await a.memory.finalSending(plan.kind, new Date());
        return this.readBack(a, await this.steps.feed(a, { message: plan.message, photoIds }), plan.message);
      }
      case 'video': {
        await a.memory.finalSending(plan.kind, new Date());
        const videoId = await this.steps.video(a, plan.video, plan.message);
        await a.memory.saveVideo(videoId);
        return this.finishVideo(a, videoId, plan.message);
      }
    }
  }

  /** What an earlier attempt left: a video still processing, or a final write whose answer was lost. */
  private async earlierAttempt(a: Attempt, plan: FacebookPlan): Promise<PlatformPost | null> {
    if (a.memory.videoId) return this.finishVideo(a, a.memory.videoId, plan.message);
    const sent = a.memory.finalSentAt;
    if (!sent) return null;
    const since = new Date(sent.at.getTime() - CLOCK_SKEW_MS);
    const ours = contentFingerprint({ text: plan.message });
    if (plan.kind === 'video') {
      // A video's post appears in /posts only once processed; the Page's uploads show it at once.
      const found = (await this.steps.videosSince(a, since)).filter(
        (v) => contentFingerprint({ text: v.description }) === ours,
      );
      if (found.length > 1) throw ambiguous('/{page-id}/videos', found.length);
      if (!found[0]) return null;
      await a.memory.saveVideo(found[0].id);
      return this.finishVideo(a, found[0].id, plan.message);
    }
    const matches: PlatformPost[] = [];
    for await (const post of this.reader.ownPostsSince(a.cred, since, a.opts))
      if (contentFingerprint({ text: post.text }) === ours) matches.push(post);
    if (matches.length > 1) throw ambiguous('/{page-id}/feed', matches.length);
    return matches[0] ?? null;
  }

  /** Polls the video until Facebook has processed it and made its post (heartbeats on each poll). */
  private async finishVideo(a: Attempt, videoId: string, message: string): Promise<PlatformPost> {
    for (let poll = 0; poll < VIDEO_MAX_POLLS; poll++) {
      const state = await afterTheWrite(() => this.steps.videoState(a, videoId));
      a.opts.onProgress?.();
      if (state.state === 'ready') {
        const postId = state.postId ?? (await this.findByText(a, message))?.postId;
        if (!postId) break;
        return this.readBack(a, postId, message);
      }
      if (state.state === 'failed') {
        await a.memory.forgetVideo();
        throw new ConnectorError(
          'permanent',
          `POST /{page-id}/videos: Facebook could not process the video (${state.status})`,
          {
            health: 'media_rejected',
          },
        );
      }
      await a.sleep(VIDEO_POLL_MS);
    }
    throw notThereYet('/{page-id}/videos', 'the video is uploaded but its post is not there yet');
  }

  private async findByText(a: Attempt, message: string): Promise<PlatformPost | undefined> {
    const sent = a.memory.finalSentAt;
    const since = new Date((sent?.at.getTime() ?? Date.now()) - CLOCK_SKEW_MS);
    const ours = contentFingerprint({ text: message });
    for await (const post of this.reader.ownPostsSince(a.cred, since, a.opts))
      if (contentFingerprint({ text: post.text }) === ours) return post;
    return undefined;
  }

  /**
   * The post as Facebook shows it. The write has succeeded by now: a failed read must not look like a failed
   * write (the guard would release the claim and post again), so it falls back to what we know.
   */
  private async readBack(a: Attempt, postId: string, message: string): Promise<PlatformPost> {
    const read = await this.reader.readPost(a.cred, postId, a.opts).catch(() => null);
    if (read) return read;
    const createdAt = new Date().toISOString();
    return {
      postId,
      url: '',
      urlRefused: 'Facebook did not show the post yet',
      text: message,
      authorExternalId: a.pageId,
      createdAt,
      requestKey: null,
      raw: { id: postId, url: '', authorId: a.pageId, createdAt },
    };
  }
}

/** A poll after the video went up: a passing failure must not read as "nothing was posted". */
async function afterTheWrite<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ConnectorError && (err.kind === 'transient' || err.kind === 'rate_limited'))
      throw new ConnectorError('outcome_unknown', `${err.message}; the video is uploaded`, err.details);
    throw err;
  }
}

/** The write went through but its post cannot be named yet: the guard reconciles, then the next attempt resumes. */
function notThereYet(route: string, what: string): ConnectorError {
  return new ConnectorError('outcome_unknown', `POST ${route}: ${what}; the next attempt looks for it first`);
}

function ambiguous(route: string, n: number): ConnectorError {
  return new ConnectorError(
    'permanent',
    `POST ${route}: ${n} posts since the earlier attempt could be this one; an operator must decide`,
  );
}

export function createFacebookWriter(settings: PlatformSettings): ConnectorWriter {
  const version = FACEBOOK_API_VERSION.version;
  return new FacebookWriter(
    new FacebookPublishSteps(graphClient(settings, version), graphClient(settings, version, 'upload')),
    createFacebookReader(settings, version),
  );
}
