import { ConnectorError } from '../connector.errors';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorWriter,
  PlatformPost,
  PlatformSettings,
  PublishContent,
  PublishOutcome,
} from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { postCreateUsage } from './x-costs';
import { xHttp } from './x-http.config';
import type { UploadedMedia } from './x-media-upload';
import { uploadMedia, X_CHUNK_BYTES } from './x-media-upload';
import { checkXContent } from './x-media-rules';
import { getMe, lookupTweet, toPlatformPost, userTweetsSince } from './x-posts';
import { X_RESUME_KEYS, XResumeMemory } from './x-resume';
import { xCreatedTweetSchema } from './x-wire';

/** Our clock and X's disagree a little: the look for an earlier post starts this long before it was sent. */
const CLOCK_SKEW_MS = 60_000;

export interface XWriterOptions {
  /** bytes per APPEND (tests use small ones to exercise chunking) */
  chunkBytes?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Write side of X. Registered only in ../writer-registry.ts (C-17). X takes no idempotency key: an earlier
 * attempt's post is found through the resume memory (the id X answered, or the time the post was sent and the
 * media keys it carried), never by posting again and hoping.
 */
class XWriter implements ConnectorWriter {
  readonly platform = 'x' as const;
  constructor(
    private readonly http: ConnectorHttpConfig,
    private readonly chunkBytes: number,
  ) {}

  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    _idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    const problems = checkXContent(content);
    if (problems.length)
      throw new ConnectorError('permanent', `POST /2/tweets not sent: ${problems.join('; ')}`, {
        ...(content.media.length ? { health: 'media_rejected' as const } : {}),
        platformCode: 'refused_before_sending',
      });
    const warnings =
      content.link && !content.text.includes(content.link)
        ? ['X has no link field: the link is not in the text, so the post does not carry it']
        : [];
    const usage = [postCreateUsage(content.text)];
    const memory = await XResumeMemory.load(opts.resume);

    const earlier = await this.earlierPost(cred, content, memory, opts);
    // The earlier attempt's cost was never recorded: it ended without an answer.
    if (earlier) return { post: earlier, replayed: true, usage, warnings };

    const ctx = {
      http: this.http,
      token: cred.accessToken,
      opts,
      memory,
      chunkBytes: this.chunkBytes,
      sleep: opts.sleep ?? realSleep,
    };
    const media: UploadedMedia[] = [];
    for (const [i, m] of content.media.entries()) media.push(await uploadMedia(ctx, m, i));

    const resent = memory.get(X_RESUME_KEYS.sentAt) !== undefined;
    await memory.put({ [X_RESUME_KEYS.sentAt]: new Date().toISOString() });
    const call = { method: 'POST', path: '/2/tweets', route: '/2/tweets' } as const;
    const json = { text: content.text, ...(media.length ? { media: { media_ids: media.map((m) => m.id) } } : {}) };
    let created;
    try {
      created = parseAnswer(
        xCreatedTweetSchema,
        await connectorRequest(this.http, { ...call, json, token: cred.accessToken, signal: opts.signal }),
        call,
      ).data;
    } catch (err) {
      // X's duplicate rule answering a repeat of our own lost post: the post is there, look once more.
      if (resent && err instanceof ConnectorError && err.details.platformCode === 'duplicate_content') {
        const found = await this.findSent(cred, content, memory, opts);
        if (found) return { post: found, replayed: true, usage, warnings };
      }
      throw err;
    }
    await memory.put({ [X_RESUME_KEYS.postId]: created.id });
    const shown = await lookupTweet(this.http, cred.accessToken, created.id, opts);
    if (!shown) throw new ConnectorError('transient', 'GET /2/tweets/:id does not show the post X just created yet');
    return { post: toPlatformPost(shown), replayed: false, usage, warnings };
  }

  /** A post an earlier attempt of this side effect made, by the id X answered or by a look at the timeline. */
  private async earlierPost(
    cred: ConnectorCredential,
    content: PublishContent,
    memory: XResumeMemory,
    opts: CallOptions,
  ): Promise<PlatformPost | undefined> {
    const id = memory.get(X_RESUME_KEYS.postId);
    if (id) {
      const shown = await lookupTweet(this.http, cred.accessToken, id, opts);
      if (shown) return toPlatformPost(shown);
      // Deleted on X since: posting again is an operator's call, not a retry's.
      throw new ConnectorError('permanent', 'the post an earlier attempt made is gone from X; not posted again', {
        platformCode: 'post_gone',
      });
    }
    if (memory.get(X_RESUME_KEYS.sentAt) === undefined) return undefined;
    return this.findSent(cred, content, memory, opts);
  }

  /**
   * The account's posts since the last send, matched by text as we sent it and, with media, by the media keys of
   * our own uploads (no one else's post carries them).
   */
  private async findSent(
    cred: ConnectorCredential,
    content: PublishContent,
    memory: XResumeMemory,
    opts: CallOptions,
  ): Promise<PlatformPost | undefined> {
    const sentAt = Date.parse(memory.get(X_RESUME_KEYS.sentAt) ?? '');
    if (Number.isNaN(sentAt)) return undefined;
    const keys = content.media
      .map((_, i) => memory.get(X_RESUME_KEYS.media(i).key) ?? '')
      .sort()
      .join(',');
    const me = await getMe(this.http, cred.accessToken, opts);
    const since = new Date(sentAt - CLOCK_SKEW_MS);
    for await (const t of userTweetsSince(this.http, cred.accessToken, me.id, since, opts)) {
      const post = toPlatformPost(t);
      if (normalised(post.text) !== normalised(content.text)) continue;
      const theirs = [...(t.attachments?.media_keys ?? [])].sort().join(',');
      if (theirs !== keys) continue;
      await memory.put({ [X_RESUME_KEYS.postId]: post.postId });
      return post;
    }
    return undefined;
  }
}

export function createXWriter(settings: PlatformSettings, options: XWriterOptions = {}): ConnectorWriter {
  return new XWriter(xHttp(settings), options.chunkBytes ?? X_CHUNK_BYTES);
}
