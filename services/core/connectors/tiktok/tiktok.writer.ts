import { ConnectorError } from '../connector.errors';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorWriter,
  PlatformSettings,
  PublishContent,
  PublishMedia,
  PublishOutcome,
} from '../connector.types';
import type { TikTokMe } from './tiktok-api';
import { TikTokApi } from './tiktok-api';
import { DEFAULT_CHUNK_BYTES, planChunks } from './tiktok-chunks';
import { publishFailedError } from './tiktok-errors';
import type { FinishedPublish } from './tiktok-outcome';
import { postOfFinishedPublish } from './tiktok-outcome';
import { directPostChoice, preflightVideo } from './tiktok-preflight';
import { asReadFailure } from './tiktok-request';
import type { TikTokPostMode, TikTokPublishChoice, TikTokSettings } from './tiktok-settings';
import { tiktokPublishChoice } from './tiktok-settings';
import { uploadChunks } from './tiktok-upload';
import type { TikTokPublishStatus } from './tiktok-wire';
import { TIKTOK_API_VERSION, TIKTOK_MEDIA_RULES } from './tiktok.platform';

/** Resume keys: the publish this side effect started, and how (never a token: the upload URL is not kept). */
const RESUME_PUBLISH_ID = 'tiktok.publish_id';
const RESUME_MODE = 'tiktok.mode';

/** status/fetch allows 30 calls a minute per token; one every 3 s leaves room for the other publishes. */
const POLL_INTERVAL_MS = 3_000;
/**
 * Polls within one attempt. A publish still processing after them is an unknown outcome: the guard reconciles and
 * the next attempt asks status/fetch again with the saved publish_id (moderation can take hours).
 */
const MAX_POLLS = 8;

export interface TikTokWriterOptions extends Partial<TikTokPublishChoice> {
  chunkBytes?: number;
  pollIntervalMs?: number;
  maxPolls?: number;
}

/**
 * Write side of TikTok's Content Posting API with FILE_UPLOAD (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post,
 * .../content-posting-api-reference-upload-video, .../content-posting-api-reference-get-video-status):
 * creator_info → init → the publish_id saved → chunks → status/fetch until the receipt. Registered only in
 * ../writer-registry.ts (C-17).
 */
class TikTokWriter implements ConnectorWriter {
  readonly platform = 'tiktok' as const;

  constructor(
    private readonly api: TikTokApi,
    private readonly appAudited: boolean,
    private readonly choice: TikTokPublishChoice,
    private readonly tuning: Required<Pick<TikTokWriterOptions, 'chunkBytes' | 'pollIntervalMs' | 'maxPolls'>>,
  ) {}

  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    _idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    const media = preflightVideo(content, TIKTOK_MEDIA_RULES, this.initRoute(this.choice.mode));
    const me = await this.api.me(cred, opts);
    const saved = (await opts.resume?.get()) ?? {};
    const earlier = saved[RESUME_PUBLISH_ID];
    if (earlier) {
      const mode: TikTokPostMode = saved[RESUME_MODE] === 'draft' ? 'draft' : 'direct';
      const resumed = await this.resume(cred, earlier, media, opts);
      if (resumed) return this.finish(cred, me, content, { publishId: earlier, status: resumed, mode }, [], opts);
    }
    return this.fresh(cred, me, content, media, opts);
  }

  /**
   * An earlier attempt started publish `publishId`: ask TikTok how far it got. Finished or processing: follow it to
   * its receipt (no second post). Never fully uploaded: it can never publish, so start again. FAILED: say why.
   */
  private async resume(
    cred: ConnectorCredential,
    publishId: string,
    media: PublishMedia,
    opts: CallOptions,
  ): Promise<TikTokPublishStatus | undefined> {
    const status = await this.api.status(cred, publishId, opts);
    if (status.status === 'PROCESSING_UPLOAD' && (status.uploaded_bytes ?? 0) < media.size) {
      await opts.resume?.put({ [RESUME_PUBLISH_ID]: '', [RESUME_MODE]: '' });
      return undefined;
    }
    return this.poll(cred, publishId, status, opts);
  }

  private async fresh(
    cred: ConnectorCredential,
    me: TikTokMe,
    content: PublishContent,
    media: PublishMedia,
    opts: CallOptions,
  ): Promise<PublishOutcome> {
    const { mode } = this.choice;
    const warnings: string[] = [];
    let postInfo: Record<string, string | boolean> | undefined;
    let privacyLevel: string | undefined;
    if (mode === 'direct') {
      const creator = await this.api.creatorInfo(cred, opts);
      const choice = directPostChoice(creator, media, this.choice.privacyLevel, this.appAudited, this.initRoute(mode));
      warnings.push(...choice.warnings);
      privacyLevel = choice.privacyLevel;
      postInfo = {
        title: content.text,
        privacy_level: choice.privacyLevel,
        disable_comment: choice.disableComment,
        disable_duet: choice.disableDuet,
        disable_stitch: choice.disableStitch,
      };
    }
    const plan = planChunks(media.size, this.tuning.chunkBytes);
    const sourceInfo = {
      source: 'FILE_UPLOAD' as const,
      video_size: media.size,
      chunk_size: plan.chunkSize,
      total_chunk_count: plan.totalChunks,
    };
    // An init whose answer was lost started at most a publish with no bytes: TikTok never publishes that, so
    // trying again is safe (FILE_UPLOAD is preferred over PULL_FROM_URL for exactly this).
    const init = await this.api
      .init(cred, { mode, postInfo, sourceInfo }, opts)
      .catch((err: unknown) => Promise.reject(asReadFailure(err, { method: 'POST', route: this.initRoute(mode) })));
    const publishId = init.data.publish_id;
    // Saved before the upload: from the last chunk on, the post may exist whatever happens to this attempt.
    await opts.resume?.put({ [RESUME_PUBLISH_ID]: publishId, [RESUME_MODE]: mode });
    await uploadChunks({
      settings: this.api.settings,
      http: this.api.http,
      uploadUrl: init.data.upload_url,
      media,
      plan,
      opts,
    });
    const status = await this.poll(cred, publishId, undefined, opts);
    const out = await this.finish(cred, me, content, { publishId, status, mode, privacyLevel }, warnings, opts);
    return { ...out, requestId: init.requestId };
  }

  /** status/fetch until a terminal status; a heartbeat per poll. */
  private async poll(
    cred: ConnectorCredential,
    publishId: string,
    first: TikTokPublishStatus | undefined,
    opts: CallOptions,
  ): Promise<TikTokPublishStatus> {
    const route = this.api.routes.status;
    let s = first ?? (await this.statusAfterUpload(cred, publishId, opts));
    for (let polls = 1; ; polls++) {
      opts.onProgress?.();
      if (s.status === 'PUBLISH_COMPLETE' || s.status === 'SEND_TO_USER_INBOX') return s;
      if (s.status === 'FAILED') {
        // A failed publish never posts: the next attempt starts a new one instead of asking about this one again.
        await opts.resume?.put({ [RESUME_PUBLISH_ID]: '', [RESUME_MODE]: '' });
        throw publishFailedError(s.fail_reason, route);
      }
      if (polls >= this.tuning.maxPolls)
        throw new ConnectorError(
          'outcome_unknown',
          `POST ${route} still reports ${s.status} after ${polls} polls; the post may still appear`,
          { platformCode: s.status },
        );
      await pause(this.tuning.pollIntervalMs, opts);
      s = await this.statusAfterUpload(cred, publishId, opts);
    }
  }

  /** After the upload, a status call without an answer leaves the post's fate unknown, never "nothing happened". */
  private async statusAfterUpload(cred: ConnectorCredential, publishId: string, opts: CallOptions) {
    try {
      return await this.api.status(cred, publishId, opts);
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'transient')
        throw new ConnectorError(
          'outcome_unknown',
          `${err.message}; the upload finished, the post may still appear`,
          err.details,
        );
      throw err;
    }
  }

  private async finish(
    cred: ConnectorCredential,
    me: TikTokMe,
    content: PublishContent,
    done: FinishedPublish,
    warnings: string[],
    opts: CallOptions,
  ): Promise<PublishOutcome> {
    const out = await postOfFinishedPublish(this.api, cred, me, content, done, opts);
    const all = [...warnings, ...out.warnings];
    return { post: out.post, replayed: false, ...(all.length ? { warnings: all } : {}) };
  }

  private initRoute(mode: TikTokPostMode): string {
    return mode === 'draft' ? this.api.routes.inboxInit : this.api.routes.videoInit;
  }
}

/** Waits between polls with the caller's clock; a cancellation during the wait leaves the post's fate unknown. */
async function pause(ms: number, opts: CallOptions): Promise<void> {
  const cancelled = () =>
    new ConnectorError(
      'outcome_unknown',
      'the publish was cancelled while TikTok processed it; the post may still appear',
      {
        transport: 'cancelled',
      },
    );
  if (opts.signal?.aborted) throw cancelled();
  if (opts.sleep) await opts.sleep(ms);
  else
    await new Promise<void>((resolve, reject) => {
      const signal = opts.signal;
      const onAbort = () => {
        clearTimeout(timer);
        reject(cancelled());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  if (opts.signal?.aborted) throw cancelled();
}

export function createTikTokWriter(settings: PlatformSettings, options: TikTokWriterOptions = {}): ConnectorWriter {
  const s: TikTokSettings = settings;
  return new TikTokWriter(
    new TikTokApi(s, TIKTOK_API_VERSION),
    s.appAudited === true,
    tiktokPublishChoice(s, options),
    {
      chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      pollIntervalMs: options.pollIntervalMs ?? POLL_INTERVAL_MS,
      maxPolls: options.maxPolls ?? MAX_POLLS,
    },
  );
}
