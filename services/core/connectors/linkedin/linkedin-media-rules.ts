import { ConnectorError } from '../connector.errors';
import type { MediaRules, PublishContent, PublishMedia } from '../connector.types';

/** Images API: "the image pixel count must be under 36,152,320" (about 36 MP). */
export const LINKEDIN_MAX_IMAGE_PIXELS = 36_152_320;
/** Videos API, Video File Size Specifications: 75 KB to 500 MB, 3 seconds to 30 minutes, MP4. */
export const LINKEDIN_MIN_VIDEO_BYTES = 75 * 1024;
/** Posts API: a MultiImage post carries 2 to 20 images. */
export const LINKEDIN_MAX_IMAGES = 20;

/**
 * What LinkedIn takes in one organic post (Posts API: commentary up to 3,000 characters; one video, one image, or a
 * MultiImage of 2-20 images, never mixed). Images: LinkedIn documents JPG, PNG and GIF and a pixel cap but no byte
 * cap; 5 MB is the figure integrators publish (e.g. https://www.ayrshare.com/docs/media-guidelines/linkedin) and the
 * stricter one we found. Videos: the Videos API's 500 MB, 3 s-30 min, aspect 1:2.4-2.4:1.
 */
export const LINKEDIN_MEDIA_RULES: MediaRules = {
  maxTextLength: 3000,
  requiresMedia: false,
  maxMediaCount: LINKEDIN_MAX_IMAGES,
  mixedMedia: false,
  image: { contentTypes: ['image/jpeg', 'image/png', 'image/gif'], maxBytes: 5 * 1024 * 1024 },
  video: {
    contentTypes: ['video/mp4'],
    maxBytes: 500 * 1000 * 1000,
    minDurationSeconds: 3,
    maxDurationSeconds: 30 * 60,
    minAspectRatio: 1 / 2.4,
    maxAspectRatio: 2.4,
  },
};

export type LinkedInMediaPlan =
  | { kind: 'text' }
  | { kind: 'image'; media: PublishMedia }
  | { kind: 'multiImage'; media: PublishMedia[] }
  | { kind: 'video'; media: PublishMedia };

const refuse = (why: string) =>
  new ConnectorError('permanent', `POST /rest/posts not sent: ${why}`, { health: 'media_rejected' });

/**
 * The post's shape on LinkedIn, or why LinkedIn would refuse it. Checked before anything is uploaded: the schedule
 * time checks the same rules, this catches what slipped past them (a rule that changed, a probe that knew less).
 */
export function planLinkedInPost(content: PublishContent, rules: MediaRules = LINKEDIN_MEDIA_RULES): LinkedInMediaPlan {
  // LinkedIn counts characters as a member sees them; code points are the closest measure we have.
  if ([...content.text].length > rules.maxTextLength)
    throw new ConnectorError(
      'permanent',
      `POST /rest/posts not sent: the text is longer than ${rules.maxTextLength} characters`,
    );
  const media = content.media;
  if (media.length === 0) {
    if (!content.text.trim())
      throw new ConnectorError('permanent', 'POST /rest/posts not sent: a post without media needs text');
    return { kind: 'text' };
  }
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length > 0) {
    if (media.length > 1) throw refuse('LinkedIn takes one video per post, alone');
    checkVideo(videos[0]!, rules);
    return { kind: 'video', media: videos[0]! };
  }
  if (media.length > rules.maxMediaCount) throw refuse(`LinkedIn takes at most ${rules.maxMediaCount} images per post`);
  for (const m of media) checkImage(m, rules);
  return media.length === 1 ? { kind: 'image', media: media[0]! } : { kind: 'multiImage', media };
}

function checkImage(m: PublishMedia, rules: MediaRules): void {
  const r = rules.image;
  if (!r) throw refuse('images are not configured for LinkedIn');
  if (!r.contentTypes.includes(m.contentType)) throw refuse(`LinkedIn takes images as ${r.contentTypes.join(', ')}`);
  if (m.size > r.maxBytes) throw refuse(`the image is larger than ${r.maxBytes} bytes`);
  if (m.width && m.height && m.width * m.height >= LINKEDIN_MAX_IMAGE_PIXELS)
    throw refuse(`the image has ${m.width * m.height} pixels; LinkedIn takes fewer than ${LINKEDIN_MAX_IMAGE_PIXELS}`);
}

function checkVideo(m: PublishMedia, rules: MediaRules): void {
  const r = rules.video;
  if (!r) throw refuse('videos are not configured for LinkedIn');
  if (!r.contentTypes.includes(m.contentType)) throw refuse(`LinkedIn takes videos as ${r.contentTypes.join(', ')}`);
  if (m.size < LINKEDIN_MIN_VIDEO_BYTES) throw refuse(`the video is smaller than ${LINKEDIN_MIN_VIDEO_BYTES} bytes`);
  if (m.size > r.maxBytes) throw refuse(`the video is larger than ${r.maxBytes} bytes`);
  const d = m.durationSeconds;
  if (d !== undefined && r.minDurationSeconds !== undefined && d < r.minDurationSeconds)
    throw refuse(`the video is shorter than ${r.minDurationSeconds} seconds`);
  if (d !== undefined && d > r.maxDurationSeconds)
    throw refuse(`the video is longer than ${r.maxDurationSeconds} seconds`);
  if (m.width && m.height) {
    const ratio = m.width / m.height;
    if ((r.minAspectRatio && ratio < r.minAspectRatio) || (r.maxAspectRatio && ratio > r.maxAspectRatio))
      throw refuse('the video’s aspect ratio is outside 1:2.4 to 2.4:1');
  }
}
