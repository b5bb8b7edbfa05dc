import { randomBytes } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest } from '../../emulator-server';
import type { ConsentDesk, RegisteredApp } from '../kit/consent';
import type { TokenBook } from '../kit/token-book';
import { documented } from './youtube-google-errors';
import { videoStatistics } from './youtube-statistics';
import type { EmuVideo, YouTubeOperation, YouTubeWorld } from './youtube-world';

/** What the route files share: the world, the token book, the consent desk, and open hanging requests. */
export interface YouTubeContext {
  world: YouTubeWorld;
  tokens: TokenBook;
  desk: ConsentDesk;
  app: RegisteredApp;
  baseUrl(): string;
  /** requests held open by a hang control; released when the emulator closes */
  hangs: Set<() => void>;
}

const SCOPE = 'https://www.googleapis.com/auth/';
/** Scopes each kind of call accepts (the "Authorization" table of each method's reference page). */
export const READ_SCOPES = ['youtube.readonly', 'youtube', 'youtube.force-ssl', 'youtubepartner'].map((s) => SCOPE + s);
export const UPLOAD_SCOPES = ['youtube.upload', 'youtube', 'youtube.force-ssl', 'youtubepartner'].map((s) => SCOPE + s);

export const etag = () => randomBytes(12).toString('base64url');

/**
 * The channel behind the bearer token, after the method's scope check, an injected failure and the quota:
 * the order Google answers in (authentication, authorization, then the project's quota).
 */
export function caller(
  ctx: YouTubeContext,
  req: EmulatorRequest,
  op: YouTubeOperation,
  scopes: string[],
): { channelId: string } | { reply: EmulatorReply } {
  const auth = req.headers.authorization ?? '';
  const found = ctx.tokens.resolve(auth.startsWith('Bearer ') ? auth.slice(7) : undefined);
  if (typeof found === 'string') return { reply: documented('authError') };
  if (!found.scope.some((s) => scopes.includes(s))) return { reply: documented('insufficientPermissions') };
  const failure = ctx.world.takeFailure(op);
  if (failure) return { reply: documented(failure.reason, failure.headers) };
  if (!ctx.world.charge(op)) return { reply: documented('quotaExceeded') };
  return { channelId: found.accountId };
}

/** `part` as the API reads it: required, comma-separated. */
export function partsOf(req: EmulatorRequest): string[] | null {
  const part = req.query.get('part');
  if (!part) return null;
  return part
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A video resource with the parts asked for (https://developers.google.com/youtube/v3/docs/videos#resource). */
export function videoResource(ctx: YouTubeContext, v: EmuVideo, parts: string[]): Record<string, unknown> {
  const channel = ctx.world.channels.get(v.channelId);
  const out: Record<string, unknown> = { kind: 'youtube#video', etag: etag(), id: v.id };
  if (parts.includes('snippet'))
    out.snippet = {
      publishedAt: v.publishedAt,
      channelId: v.channelId,
      title: v.title,
      // The API leaves an empty description out.
      ...(v.description ? { description: v.description } : {}),
      thumbnails: { default: { url: `https://i.ytimg.com/vi/${v.id}/default.jpg`, width: 120, height: 90 } },
      channelTitle: channel?.title ?? '',
      categoryId: v.categoryId,
      liveBroadcastContent: 'none',
    };
  if (parts.includes('statistics')) out.statistics = videoStatistics(ctx.world, v);
  if (parts.includes('status'))
    out.status = {
      uploadStatus: v.uploadStatus,
      privacyStatus: v.privacyStatus,
      license: 'youtube',
      embeddable: true,
      publicStatsViewable: true,
    };
  return out;
}
