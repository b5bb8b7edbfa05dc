import { hashtagsOf, linksOf } from './content-input';
import { platformLimits } from './platform-limits';

/** How a platform will show the post: what the feed shows before "…more", what it cuts, what it counts. */
export interface PlatformPreview {
  platform: string;
  characters: number;
  characterLimit: number;
  overLimit: boolean;
  /** the text the feed shows before the "…more" link (the whole text when it fits) */
  feedText: string;
  truncated: boolean;
  hashtags: string[];
  hashtagLimit: number;
  links: string[];
  linksAllowed: boolean;
  mediaAspect: string;
}

const ELLIPSIS = '…';

/** Cuts at the last word boundary before the platform's feed cut, counting code points as platforms do. */
export function platformPreview(platform: string, text: string): PlatformPreview {
  const limits = platformLimits(platform);
  const chars = [...text];
  const truncated = chars.length > limits.feedCut;
  let feedText = text;
  if (truncated) {
    const head = chars.slice(0, limits.feedCut).join('');
    const boundary = head.search(/\s\S*$/);
    feedText = `${(boundary > limits.feedCut / 2 ? head.slice(0, boundary) : head).trimEnd()}${ELLIPSIS}`;
  }
  return {
    platform,
    characters: chars.length,
    characterLimit: limits.maxChars,
    overLimit: chars.length > limits.maxChars,
    feedText,
    truncated,
    hashtags: hashtagsOf(text),
    hashtagLimit: limits.maxHashtags,
    links: linksOf(text),
    linksAllowed: limits.linksAllowed,
    mediaAspect: limits.mediaAspect,
  };
}
