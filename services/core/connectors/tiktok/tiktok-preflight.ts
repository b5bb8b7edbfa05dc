import { ConnectorError } from '../connector.errors';
import type { MediaRules, PublishContent, PublishMedia } from '../connector.types';
import type { TikTokPrivacyLevel } from './tiktok-settings';
import type { TikTokCreatorInfo } from './tiktok-wire';

/** Refusals before anything is sent: clear errors, nothing spent on TikTok's rate limits. */
export function preflightVideo(content: PublishContent, rules: MediaRules, route: string): PublishMedia {
  const refuse = (why: string, health?: 'media_rejected') =>
    new ConnectorError('permanent', `POST ${route} not sent: ${why}`, health ? { health } : {});
  if (content.text.length > rules.maxTextLength)
    throw refuse(`the caption is longer than TikTok's ${rules.maxTextLength} characters`);
  if (content.media.length !== 1)
    throw refuse('a TikTok post through Raize carries exactly one video', 'media_rejected');
  const media = content.media[0]!;
  const video = rules.video!;
  if (media.kind !== 'video')
    throw refuse('photo posts to TikTok are not supported yet; attach one video', 'media_rejected');
  if (!video.contentTypes.includes(media.contentType))
    throw refuse(`TikTok takes ${video.contentTypes.join(', ')} videos`, 'media_rejected');
  if (media.size !== media.bytes.length || media.size <= 0)
    throw refuse('the video bytes do not match their size', 'media_rejected');
  if (media.size > video.maxBytes) throw refuse('the video is larger than TikTok’s 4 GB', 'media_rejected');
  return media;
}

export interface DirectPostChoice {
  privacyLevel: TikTokPrivacyLevel;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  warnings: string[];
}

/**
 * What creator_info allows for this post (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info):
 * the creator may post now, the video is not longer than the creator may post, the privacy level is one the account
 * offers, and interactions the creator switched off stay off. An unaudited app posts SELF_ONLY only, and says so.
 */
export function directPostChoice(
  creator: TikTokCreatorInfo,
  media: PublishMedia,
  wanted: TikTokPrivacyLevel,
  appAudited: boolean,
  route: string,
): DirectPostChoice {
  const refuse = (why: string, details: ConstructorParameters<typeof ConnectorError>[2] = {}) =>
    new ConnectorError('permanent', `POST ${route} not sent: ${why}`, details);
  if (creator.can_post === false)
    throw refuse('TikTok says the creator cannot post right now', { health: 'cannot_post' });
  if (media.durationSeconds !== undefined && media.durationSeconds > creator.max_video_post_duration_sec)
    throw refuse(
      `the video lasts ${Math.ceil(media.durationSeconds)} s; this creator may post at most ${creator.max_video_post_duration_sec} s`,
      { health: 'media_rejected', platformCode: 'duration_check_failed' },
    );
  const warnings: string[] = [];
  let privacyLevel = wanted;
  if (!appAudited && wanted !== 'SELF_ONLY') {
    privacyLevel = 'SELF_ONLY';
    warnings.push(
      `TikTok has not audited the app: the video was posted private (SELF_ONLY, only the creator sees it) instead of ${wanted}`,
    );
  }
  if (!creator.privacy_level_options.includes(privacyLevel))
    throw refuse(
      `the creator's account does not offer ${privacyLevel} (it offers ${creator.privacy_level_options.join(', ') || 'nothing'})`,
      { platformCode: 'privacy_level_option_mismatch' },
    );
  // Interactions the creator switched off stay off (the UX guidelines grey them out); the rest stay on.
  return {
    privacyLevel,
    disableComment: creator.comment_disabled === true,
    disableDuet: creator.duet_disabled === true,
    disableStitch: creator.stitch_disabled === true,
    warnings,
  };
}
