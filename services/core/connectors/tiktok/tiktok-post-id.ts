import type { CallOptions, ConnectorCredential } from '../connector.types';
import type { TikTokApi } from './tiktok-api';
import type { TikTokPublishStatus, TikTokVideo } from './tiktok-wire';

/**
 * A post TikTok gives no post id for (a private post, a draft in the creator's inbox) is known by its publish_id:
 * its postId is this prefix + the publish_id, and readPost asks status/fetch about it (the receipt).
 */
export const RECEIPT_PREFIX = 'publish_id:';

export const receiptPostId = (publishId: string): string => `${RECEIPT_PREFIX}${publishId}`;

export function publishIdOfReceipt(postId: string): string | undefined {
  return postId.startsWith(RECEIPT_PREFIX) ? postId.slice(RECEIPT_PREFIX.length) || undefined : undefined;
}

/** The public post id a finished publish reports, and whether it survived JSON intact. */
export type ReportedPostId = { id: string; exact: true } | { approx: number; exact: false };

export function reportedPostId(status: TikTokPublishStatus): ReportedPostId | undefined {
  const first = status.publicaly_available_post_id?.[0];
  if (first === undefined) return undefined;
  if (typeof first === 'string') return { id: first, exact: true };
  // int64 ids above 2^53 lose their last digits when parsed as a JSON number.
  return Number.isSafeInteger(first) ? { id: String(first), exact: true } : { approx: first, exact: false };
}

/**
 * Finds the video a rounded id stands for among the newest videos (a post just finished is on the first page): the
 * same rounding of the exact string id gives the same double, and two videos that collide there are not guessed.
 */
export async function videoForApproxId(
  api: TikTokApi,
  cred: ConnectorCredential,
  approx: number,
  opts: CallOptions,
): Promise<TikTokVideo | undefined> {
  const page = await api.videoPage(cred, undefined, opts);
  const matches = page.videos.filter((v) => Number(v.id) === approx);
  return matches.length === 1 ? matches[0] : undefined;
}
