import { ConnectorError } from '../connector.errors';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorWriter,
  PlatformPost,
  PlatformSettings,
  PlatformUsage,
  PublishContent,
  PublishMedia,
  PublishOutcome,
} from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { sameOrigin } from '../http/connector-http';
import { thumbnailProblem } from './youtube-media-rules';
import { setThumbnail } from './youtube-thumbnail.writer';
import type { UploadChannel } from './youtube-upload.writer';
import {
  DEFAULT_UPLOAD_CHUNK_BYTES,
  querySession,
  startUploadSession,
  UPLOAD_CHUNK_UNIT,
  uploadFrom,
} from './youtube-upload.writer';
import { youtubeUploadBase, youtubeUploadHttp } from './youtube-http.config';
import { usage } from './youtube-quota';
import { YOUTUBE_RESUME_KEYS } from './youtube-resume-keys';
import { youtubeText } from './youtube-text';
import type { YouTubeVideo } from './youtube-wire';
import { toPlatformPost } from './youtube-wire';
import { createYouTubeReader } from './youtube.reader';

/** "People & Blogs": videos.insert wants a category and the post carries none. */
const DEFAULT_CATEGORY_ID = '22';

export interface YouTubeWriterOptions {
  /** bytes per PUT; a multiple of 256 KiB (tests use small ones to exercise chunking) */
  chunkBytes?: number;
}

interface UploadPlan {
  video: PublishMedia;
  thumbnail?: PublishMedia;
  metadata: { snippet: { title: string; description: string; categoryId: string }; status: { privacyStatus: string } };
  warnings: string[];
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Write side of YouTube. Registered only in ../writer-registry.ts (C-17). */
class YouTubeWriter implements ConnectorWriter {
  readonly platform = 'youtube' as const;
  private readonly http: ConnectorHttpConfig;

  constructor(
    private readonly settings: PlatformSettings,
    private readonly chunkBytes: number,
  ) {
    this.http = youtubeUploadHttp(settings);
  }

  /**
   * Uploads the one video (resumable, its session saved before any byte goes), then sets the thumbnail if an image
   * came with it. A call that finds a session or a video id from an earlier attempt asks YouTube where that attempt
   * got to instead of uploading again. YouTube keeps no idempotency key: `idempotencyKey` only names the memory.
   */
  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    _idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    const plan = this.plan(content);
    const saved = (await opts.resume?.get()) ?? {};
    const remember = (values: Record<string, string>) => opts.resume?.put(values) ?? Promise.resolve();
    const spent: PlatformUsage[] = [];
    const ch: UploadChannel = {
      http: this.http,
      uploadBase: youtubeUploadBase(this.settings),
      token: cred.accessToken,
      chunkBytes: this.chunkBytes,
      signal: opts.signal,
      sleep: opts.sleep ?? realSleep,
      onProgress: opts.onProgress,
    };

    let post: PlatformPost | undefined;
    let replayed = false;
    const savedVideoId = saved[YOUTUBE_RESUME_KEYS.videoId];
    if (savedVideoId) {
      spent.push(usage('videos.list'));
      const found = await createYouTubeReader(this.settings).readPost(cred, savedVideoId, opts);
      // Uploaded by an earlier attempt and gone since (deleted on YouTube): an operator decides, not a re-upload.
      if (!found)
        throw new ConnectorError(
          'permanent',
          'GET /youtube/v3/videos no longer finds the video an earlier attempt uploaded',
        );
      post = found;
      replayed = true;
    } else {
      const { video, resumed } = await this.upload(ch, plan, saved, remember);
      await remember({ [YOUTUBE_RESUME_KEYS.videoId]: video.id });
      post = toPlatformPost(video);
      replayed = resumed;
      plan.warnings.push(...this.statusWarnings(video, plan));
    }
    // videos.insert is charged once per video; this is the one call that reports it.
    spent.unshift(usage('videos.insert'));

    if (plan.thumbnail && saved[YOUTUBE_RESUME_KEYS.thumbnail] !== 'done') {
      const problem = thumbnailProblem(plan.thumbnail);
      if (problem) plan.warnings.push(`the thumbnail was not set: ${problem}`);
      else {
        try {
          spent.push(usage('thumbnails.set'));
          await setThumbnail(this.http, cred.accessToken, post.postId, plan.thumbnail, opts.signal);
          await remember({ [YOUTUBE_RESUME_KEYS.thumbnail]: 'done' });
        } catch (err) {
          // The video is live: a refused thumbnail is worth telling an operator, not failing the post over.
          if (!(err instanceof ConnectorError)) throw err;
          plan.warnings.push(`the thumbnail was not set: ${err.message}`);
        }
      }
    }
    return { post, replayed, usage: spent, warnings: plan.warnings };
  }

  /** The upload, resumed from the saved session when it belongs to this video. */
  private async upload(
    ch: UploadChannel,
    plan: UploadPlan,
    saved: Record<string, string>,
    remember: (values: Record<string, string>) => Promise<void>,
  ): Promise<{ video: YouTubeVideo; resumed: boolean }> {
    const total = plan.video.bytes.length;
    const session = saved[YOUTUBE_RESUME_KEYS.session];
    if (session && saved[YOUTUBE_RESUME_KEYS.checksum] === plan.video.checksum && sameOrigin(session, ch.uploadBase)) {
      const state = await querySession(ch, session, total);
      if ('done' in state) return { video: state.done, resumed: true };
      if ('received' in state)
        return { video: await uploadFrom(ch, session, plan.video, state.received), resumed: true };
      // Expired (a week unused): nothing of it became a video, so a new session is safe.
    }
    const fresh = await startUploadSession(ch, plan.metadata, plan.video);
    // Saved before the first byte: from here on an unanswered PUT may have finished the video.
    await remember({ [YOUTUBE_RESUME_KEYS.session]: fresh, [YOUTUBE_RESUME_KEYS.checksum]: plan.video.checksum });
    return { video: await uploadFrom(ch, fresh, plan.video, 0), resumed: false };
  }

  /** One video, at most one image (the thumbnail), a text that fits title and description: else nothing is sent. */
  private plan(content: PublishContent): UploadPlan {
    const videos = content.media.filter((m) => m.kind === 'video');
    const images = content.media.filter((m) => m.kind === 'image');
    if (videos.length !== 1)
      throw new ConnectorError(
        'permanent',
        `YouTube publishes exactly one video per post; this post has ${videos.length}`,
      );
    if (images.length > 1)
      throw new ConnectorError(
        'permanent',
        `YouTube takes one image, as the thumbnail; this post has ${images.length}`,
      );
    const text = youtubeText(content.text);
    if (!text.ok) throw new ConnectorError('permanent', text.problem);
    const audited = this.settings.appAudited === true;
    const warnings = audited
      ? []
      : ['the Google Cloud project is not audited by YouTube: the video was uploaded as private and stays private'];
    return {
      video: videos[0]!,
      thumbnail: images[0],
      metadata: {
        snippet: { title: text.title, description: text.description, categoryId: DEFAULT_CATEGORY_ID },
        // An unaudited project's uploads are locked private anyway; asking for that says so honestly.
        status: { privacyStatus: audited ? 'public' : 'private' },
      },
      warnings,
    };
  }

  private statusWarnings(video: YouTubeVideo, plan: UploadPlan): string[] {
    const out: string[] = [];
    const asked = plan.metadata.status.privacyStatus;
    const got = video.status?.privacyStatus;
    if (got && got !== asked)
      out.push(`YouTube set the video ${got} instead of ${asked}: the project may not have passed the API audit`);
    const upload = video.status?.uploadStatus;
    if (upload === 'rejected' || upload === 'failed')
      out.push(
        `YouTube ${upload} the video (${video.status?.rejectionReason ?? video.status?.failureReason ?? 'no reason given'})`,
      );
    return out;
  }
}

export function createYouTubeWriter(settings: PlatformSettings, options: YouTubeWriterOptions = {}): ConnectorWriter {
  const chunkBytes = options.chunkBytes ?? DEFAULT_UPLOAD_CHUNK_BYTES;
  if (chunkBytes <= 0 || chunkBytes % UPLOAD_CHUNK_UNIT !== 0)
    throw new Error('YouTube upload chunks must be a positive multiple of 256 KiB');
  return new YouTubeWriter(settings, chunkBytes);
}
