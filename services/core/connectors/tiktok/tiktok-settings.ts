import type { PlatformSettings } from '../connector.types';

/** Who may see a post, in TikTok's words (creator_info `privacy_level_options`). */
export const TIKTOK_PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export type TikTokPrivacyLevel = (typeof TIKTOK_PRIVACY_LEVELS)[number];

/**
 * `direct`: Direct Post, the video goes out on the creator's profile. `draft`: the video lands in the creator's TikTok
 * inbox and the creator finishes the post in the app (needs the video.upload scope; TikTok drafts carry no caption).
 */
export type TikTokPostMode = 'direct' | 'draft';

/**
 * TikTok's extra settings. Read from the platform's PlatformSettings under these names, so that configuration can
 * carry them once PlatformSettings does (a PlatformSettings without them means a public Direct Post).
 */
export interface TikTokSettings extends PlatformSettings {
  tiktokPostMode?: TikTokPostMode;
  /** the privacy a post asks for when the app is audited; default PUBLIC_TO_EVERYONE */
  tiktokPrivacyLevel?: TikTokPrivacyLevel;
}

export interface TikTokPublishChoice {
  mode: TikTokPostMode;
  privacyLevel: TikTokPrivacyLevel;
}

export function tiktokPublishChoice(settings: TikTokSettings, override: Partial<TikTokPublishChoice> = {}) {
  return {
    mode: override.mode ?? settings.tiktokPostMode ?? 'direct',
    privacyLevel: override.privacyLevel ?? settings.tiktokPrivacyLevel ?? 'PUBLIC_TO_EVERYONE',
  } satisfies TikTokPublishChoice;
}

/**
 * The fewest scopes that publish, identify, read back and reconcile (https://developers.tiktok.com/doc/scopes-overview):
 * user.info.basic (open_id, the account the fingerprint compares), user.info.profile (username: the @handle operators
 * confirm; basic carries only the display name), video.publish (Direct Post, creator_info, status) and video.list
 * (video/query and video/list: read-back and reconciliation of public posts; also the videos' view, like, comment
 * and share counts). The analytics episode adds user.info.stats, which follower_count needs
 * (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info, User Object, Authorized Scope). Drafts add
 * video.upload.
 */
export const TIKTOK_STATS_SCOPE = 'user.info.stats';
export const TIKTOK_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'video.publish',
  'video.list',
  TIKTOK_STATS_SCOPE,
];
export const TIKTOK_DRAFT_SCOPE = 'video.upload';
