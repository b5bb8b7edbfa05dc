import { ConnectorError } from '../connector.errors';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  ConnectorWriter,
  PlatformPost,
  PlatformSettings,
  PlatformUsage,
  PublishContent,
  PublishOutcome,
  ResumeState,
} from '../connector.types';
import { contentFingerprint } from '../content-fingerprint';
import type { ContainerPolling } from './instagram-container.writer';
import {
  DEFAULT_POLLING,
  containerError,
  createContainer,
  readContainer,
  waitForContainer,
} from './instagram-container.writer';
import { IG_SUBCODE, PUBLISHING_WINDOW_SECONDS } from './instagram-errors';
import { InstagramGraph } from './instagram-graph';
import { INSTAGRAM_MEDIA_RULES } from './instagram-media-rules';
import { planInstagramPost } from './instagram-media-plan';
import { assertQuotaLeft, dailyLimitError } from './instagram-quota';
import { INSTAGRAM_API_VERSION } from './instagram.platform';
import { createInstagramReader } from './instagram.reader';
import { igCreatedSchema } from './instagram-wire';

/** What the writer keeps between attempts (short ids and a time, never a token). */
const KEY = { container: 'igContainerId', containerAt: 'igContainerCreatedAt', media: 'igMediaId' } as const;

/** Each new post spends one of the account's rolling 24-hour publishing quota. */
const QUOTA_SPENT: PlatformUsage = { unit: 'requests', amount: 1, operation: 'POST /{ig-user-id}/media_publish' };

/** Clock skew between us and Instagram when looking for a post made from our container. */
const SKEW_MS = 60_000;

/** Subcodes after which the same container must not be published again (the page: "generate a new container"). */
const NEW_CONTAINER_SUBCODES: ReadonlySet<number> = new Set([
  IG_SUBCODE.containerExpired,
  IG_SUBCODE.uploadUnknown,
  IG_SUBCODE.downloadTimeout,
  IG_SUBCODE.createFailed,
]);

/**
 * Write side of Instagram: container → FINISHED → media_publish. Registered only in ../writer-registry.ts (C-17).
 *
 * Instagram honours no idempotency key. The container id is saved in the resume memory before `media_publish`, so
 * an attempt after an unknown outcome asks the container first: PUBLISHED means the post exists and is looked up,
 * never published again (C-22); FINISHED is published; ERROR or EXPIRED starts over with a new container.
 */
class InstagramWriter implements ConnectorWriter {
  readonly platform = 'instagram' as const;
  constructor(
    private readonly graph: InstagramGraph,
    private readonly reader: ConnectorReader,
    private readonly polling: ContainerPolling,
  ) {}

  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    _idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    const plan = planInstagramPost(content, INSTAGRAM_MEDIA_RULES);
    const resume = opts.resume ?? memoryResume();
    const me = await this.graph.me(cred, opts);
    const saved = await resume.get();
    const savedMedia = saved[KEY.media];
    if (savedMedia) return this.outcome(cred, savedMedia, me.userId, { replayed: true }, opts);

    let containerId = saved[KEY.container] || undefined;
    if (containerId) {
      const c = await readContainer(this.graph, cred, containerId, opts);
      if (c.status_code === 'PUBLISHED') return this.alreadyPublished(cred, content, me.userId, saved, resume, opts);
      if (c.status_code === 'ERROR' || c.status_code === 'EXPIRED') {
        containerId = undefined;
        await forgetContainer(resume);
      }
    }
    // The quota is read, not assumed; at the limit nothing is created.
    await assertQuotaLeft(this.graph, cred, me.userId, opts);
    if (!containerId) {
      const createdAt = new Date().toISOString();
      containerId = await createContainer(this.graph, cred, me.userId, plan, this.polling, opts);
      // Durable before the step that can publish: the next attempt asks this container what happened.
      await resume.put({ [KEY.container]: containerId, [KEY.containerAt]: createdAt });
    }
    const ready = await waitForContainer(this.graph, cred, containerId, this.polling, opts);
    if (ready.status_code === 'PUBLISHED')
      return this.alreadyPublished(cred, content, me.userId, await resume.get(), resume, opts);
    if (ready.status_code !== 'FINISHED') {
      await forgetContainer(resume);
      throw containerError(ready);
    }
    const published = await this.publishContainer(cred, me.userId, containerId, resume, opts);
    await resume.put({ [KEY.media]: published.mediaId });
    return this.outcome(cred, published.mediaId, me.userId, { replayed: false, requestId: published.requestId }, opts);
  }

  private async publishContainer(
    cred: ConnectorCredential,
    igUserId: string,
    containerId: string,
    resume: ResumeState,
    opts: CallOptions,
  ): Promise<{ mediaId: string; requestId?: string }> {
    const call = { path: `/${igUserId}/media_publish`, route: '/{ig-user-id}/media_publish' };
    try {
      const { body, requestId } = await this.graph.post(
        igCreatedSchema,
        cred,
        call,
        { creation_id: containerId },
        opts,
      );
      return { mediaId: body.id, requestId };
    } catch (err) {
      if (!(err instanceof ConnectorError)) throw err;
      const subcode = subcodeOf(err);
      if (subcode !== undefined && NEW_CONTAINER_SUBCODES.has(subcode)) await forgetContainer(resume);
      if (subcode === IG_SUBCODE.dailyLimit)
        throw await dailyLimitError(
          this.graph,
          cred,
          igUserId,
          PUBLISHING_WINDOW_SECONDS,
          opts,
          err.details.platformCode,
        );
      throw err;
    }
  }

  /** The container says PUBLISHED: an earlier attempt's post exists. Find it on the account; never publish again. */
  private async alreadyPublished(
    cred: ConnectorCredential,
    content: PublishContent,
    igUserId: string,
    saved: Record<string, string>,
    resume: ResumeState,
    opts: CallOptions,
  ): Promise<PublishOutcome> {
    const createdAt = Date.parse(saved[KEY.containerAt] ?? '');
    // A container lives 24 hours at most: its post cannot be older than that.
    const since = new Date(
      Number.isNaN(createdAt) ? Date.now() - PUBLISHING_WINDOW_SECONDS * 1000 : createdAt - SKEW_MS,
    );
    const wanted = contentFingerprint({ text: content.text });
    const found: PlatformPost[] = [];
    for await (const post of this.reader.ownPostsSince(cred, since, opts))
      if (contentFingerprint({ text: post.text }) === wanted) found.push(post);
    if (found.length !== 1)
      // Not listed yet, or two look alike: the guard reconciles (and never guesses between two).
      throw new ConnectorError(
        'outcome_unknown',
        `GET /{ig-container-id} says PUBLISHED but GET /{ig-user-id}/media lists ${found.length} matching posts`,
      );
    const post = found[0]!;
    await resume.put({ [KEY.media]: post.postId });
    return this.outcome(cred, post.postId, igUserId, { replayed: true }, opts);
  }

  private async outcome(
    cred: ConnectorCredential,
    mediaId: string,
    igUserId: string,
    how: { replayed: boolean; requestId?: string },
    opts: CallOptions,
  ): Promise<PublishOutcome> {
    const read = await this.reader.readPost(cred, mediaId, opts);
    const post: PlatformPost = read ?? {
      postId: mediaId,
      url: '',
      text: '',
      authorExternalId: igUserId,
      createdAt: new Date().toISOString(),
      requestKey: null,
      raw: { id: mediaId },
    };
    return {
      post,
      replayed: how.replayed,
      ...(how.requestId ? { requestId: how.requestId } : {}),
      ...(how.replayed ? {} : { usage: [QUOTA_SPENT] }),
      ...(read ? {} : { warnings: ['Instagram published the post but did not return it on read-back yet'] }),
    };
  }
}

function subcodeOf(err: ConnectorError): number | undefined {
  const parts = err.details.platformCode?.split('/') ?? [];
  const last = Number(parts[parts.length - 1]);
  return parts.length > 1 && Number.isInteger(last) ? last : undefined;
}

function forgetContainer(resume: ResumeState): Promise<void> {
  return resume.put({ [KEY.container]: '', [KEY.containerAt]: '' });
}

/** Outside the guard (a single call in a test or a script): progress lives as long as the call. */
function memoryResume(): ResumeState {
  let values: Record<string, string> = {};
  return {
    get: () => Promise.resolve({ ...values }),
    put: (v) => {
      values = { ...values, ...v };
      return Promise.resolve();
    },
  };
}

export function createInstagramWriter(settings: PlatformSettings): ConnectorWriter {
  const version = INSTAGRAM_API_VERSION.version;
  return new InstagramWriter(
    InstagramGraph.from(settings, version),
    createInstagramReader(settings, version),
    DEFAULT_POLLING,
  );
}
