import { randomBytes } from 'node:crypto';
import type { EmulatorClock } from '../kit/emulator-clock';
import type { DocumentedReason } from './youtube-google-errors';

/** What the YouTube emulator holds: channels, videos, upload sessions, the project's quota and the test controls. */

export interface EmuChannel {
  id: string;
  handle: string;
  title: string;
  /** YouTube names a channel's uploads playlist after the channel: UC… becomes UU… */
  uploadsPlaylistId: string;
  customThumbnails: boolean;
  createdAt: string;
}

export interface EmuMedia {
  contentType: string;
  sha256: string;
  size: number;
}

export interface EmuVideo {
  id: string;
  channelId: string;
  title: string;
  description: string;
  categoryId: string;
  privacyStatus: string;
  uploadStatus: 'uploaded' | 'processed';
  publishedAt: string;
  media: EmuMedia;
  thumbnail?: EmuMedia;
}

export interface EmuSession {
  id: string;
  channelId: string;
  parts: string[];
  title: string;
  description: string;
  categoryId: string;
  privacyStatus: string;
  contentType: string;
  /** from X-Upload-Content-Length; else from the first Content-Range */
  total: number | null;
  chunks: Buffer[];
  received: number;
  createdAt: number;
  videoId?: string;
}

/** The calls a test can make fail with a documented error, by the method names of the reference. */
export type YouTubeOperation =
  | 'channels.list'
  | 'videos.list'
  | 'playlistItems.list'
  /** the POST that opens an upload session */
  | 'videos.insert'
  /** a PUT of bytes to an upload session */
  | 'videos.upload'
  | 'thumbnails.set';

export const QUOTA_COSTS: Record<YouTubeOperation, number> = {
  'channels.list': 1,
  'videos.list': 1,
  'playlistItems.list': 1,
  'videos.insert': 1600,
  // the bytes of an upload are part of videos.insert
  'videos.upload': 0,
  'thumbnails.set': 50,
};

/** Resumable sessions live a week (using_resumable_upload_protocol, "Step 2"). */
const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export class YouTubeWorld {
  readonly channels = new Map<string, EmuChannel>();
  readonly videos = new Map<string, EmuVideo>();
  readonly sessions = new Map<string, EmuSession>();
  /** uploads per channel, newest first (the order of the uploads playlist) */
  readonly uploads = new Map<string, string[]>();
  retired = false;
  private quotaUsed = 0;
  private quotaDay = '';
  private readonly failures: { op: YouTubeOperation; reason: DocumentedReason; headers?: Record<string, string> }[] =
    [];
  private hang: { chunk: number; applyFirst: boolean } | null = null;
  private dataPuts = 0;

  constructor(
    readonly clock: EmulatorClock,
    readonly audited: boolean,
    readonly dailyQuota: number,
  ) {}

  addChannel(id: string, handle: string, title: string): EmuChannel {
    const channel: EmuChannel = {
      id,
      handle,
      title,
      uploadsPlaylistId: `UU${id.slice(2)}`,
      customThumbnails: true,
      createdAt: new Date(this.clock.now() - 365 * 86400_000).toISOString(),
    };
    this.channels.set(id, channel);
    this.uploads.set(id, []);
    return channel;
  }

  channelOfPlaylist(playlistId: string): EmuChannel | undefined {
    return [...this.channels.values()].find((c) => c.uploadsPlaylistId === playlistId);
  }

  /** Spends the call's units; false when the project's quota does not cover them (quotaExceeded). */
  charge(op: YouTubeOperation): boolean {
    this.rollQuotaDay();
    const cost = QUOTA_COSTS[op];
    if (cost > 0 && this.quotaUsed + cost > this.dailyQuota) return false;
    this.quotaUsed += cost;
    return true;
  }

  setQuotaUsed(units: number): void {
    this.rollQuotaDay();
    this.quotaUsed = units;
  }

  usedQuota(): number {
    this.rollQuotaDay();
    return this.quotaUsed;
  }

  /** The quota resets at midnight Pacific Time, on the emulator's clock. */
  private rollQuotaDay(): void {
    const day = new Date(this.clock.now()).toLocaleDateString('en-CA', { timeZone: 'America/Los_Angeles' });
    if (day !== this.quotaDay) {
      this.quotaDay = day;
      this.quotaUsed = 0;
    }
  }

  failNext(op: YouTubeOperation, reason: DocumentedReason, headers?: Record<string, string>, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ op, reason, headers });
  }

  takeFailure(op: YouTubeOperation): { reason: DocumentedReason; headers?: Record<string, string> } | undefined {
    const i = this.failures.findIndex((f) => f.op === op);
    return i < 0 ? undefined : this.failures.splice(i, 1)[0];
  }

  hangChunk(p: { chunk: number; applyFirst: boolean }): void {
    this.hang = p;
    this.dataPuts = 0;
  }

  /** Counts a PUT carrying bytes; says whether this one is to hang, and whether it applies first. */
  nextDataPut(): { applyFirst: boolean } | null {
    this.dataPuts += 1;
    if (!this.hang || this.hang.chunk !== this.dataPuts) return null;
    const h = this.hang;
    this.hang = null;
    return { applyFirst: h.applyFirst };
  }

  session(id: string | null): EmuSession | undefined {
    if (!id) return undefined;
    const s = this.sessions.get(id);
    if (s && this.clock.now() - s.createdAt > SESSION_TTL_MS) {
      this.sessions.delete(id);
      return undefined;
    }
    return s;
  }

  expireSessions(): void {
    this.sessions.clear();
  }

  /** The last byte arrived: the session becomes a video, at the top of the channel's uploads. */
  finish(s: EmuSession, media: EmuMedia): EmuVideo {
    const video: EmuVideo = {
      id: randomBytes(8).toString('base64url').slice(0, 11),
      channelId: s.channelId,
      title: s.title,
      description: s.description,
      categoryId: s.categoryId,
      // Uploads of projects YouTube has not audited are locked private, whatever was asked (videos/insert).
      privacyStatus: this.audited ? s.privacyStatus : 'private',
      uploadStatus: 'uploaded',
      publishedAt: new Date(this.clock.now()).toISOString(),
      media,
    };
    this.videos.set(video.id, video);
    this.uploads.get(s.channelId)?.unshift(video.id);
    s.videoId = video.id;
    return video;
  }

  /** Visible to this caller: its own videos whatever their privacy; others' only when public or unlisted. */
  visible(video: EmuVideo, callerChannelId: string): boolean {
    return video.channelId === callerChannelId || video.privacyStatus !== 'private';
  }
}
