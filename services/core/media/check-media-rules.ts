import type { MediaRules } from '../connectors/connector.types';
import type { MediaFacts } from './media-facts';

/**
 * What a platform would refuse about a post, found at schedule time: each problem in an operator's words, empty when
 * the post fits. Unknown facts (a video ffprobe could not read) are problems too when the platform has a rule about
 * them: publishing blind would only move the failure to the slot.
 */
export function mediaRuleProblems(
  platformName: string,
  rules: MediaRules,
  post: { text: string; media: MediaFacts[] },
): string[] {
  const problems: string[] = [];
  const length = rules.textLength ? rules.textLength(post.text) : [...post.text].length;
  if (length > rules.maxTextLength)
    problems.push(`${platformName} allows ${rules.maxTextLength} characters; this post has ${length}`);
  if (rules.requiresMedia && post.media.length === 0) problems.push(`${platformName} posts need an image or a video`);
  if (post.media.length > rules.maxMediaCount)
    problems.push(`${platformName} takes at most ${rules.maxMediaCount} media files per post`);
  const kinds = new Set(post.media.map((m) => kindOf(m.contentType)));
  if (!rules.mixedMedia && kinds.size > 1) problems.push(`${platformName} does not mix images and videos in one post`);
  post.media.forEach((m, i) =>
    problems.push(...fileProblems(platformName, rules, m, post.media.length > 1 ? i + 1 : 0)),
  );
  return problems;
}

function kindOf(contentType: string): 'image' | 'video' | 'other' {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  return 'other';
}

function fileProblems(platformName: string, rules: MediaRules, m: MediaFacts, n: number): string[] {
  const which = n ? `file ${n} (${m.contentType})` : `the ${kindOf(m.contentType)} (${m.contentType})`;
  const kind = kindOf(m.contentType);
  const rule = kind === 'image' ? rules.image : kind === 'video' ? rules.video : undefined;
  if (!rule) return [`${platformName} does not take ${m.contentType} files`];
  const out: string[] = [];
  if (!rule.contentTypes.includes(m.contentType))
    out.push(`${platformName} takes ${rule.contentTypes.join(', ')}; ${which} is not one of them`);
  if (m.size > rule.maxBytes) out.push(`${which} is ${mb(m.size)}; ${platformName} takes at most ${mb(rule.maxBytes)}`);
  const ratioRule = rule.minAspectRatio !== undefined || rule.maxAspectRatio !== undefined;
  if (ratioRule) {
    if (!m.width || !m.height) out.push(`the size of ${which} could not be read; ${platformName} limits its shape`);
    else {
      const ratio = m.width / m.height;
      if (rule.minAspectRatio !== undefined && ratio < rule.minAspectRatio - 0.005)
        out.push(
          `${which} is ${m.width}×${m.height}; ${platformName} needs at least ${ratioText(rule.minAspectRatio)}`,
        );
      if (rule.maxAspectRatio !== undefined && ratio > rule.maxAspectRatio + 0.005)
        out.push(
          `${which} is ${m.width}×${m.height}; ${platformName} allows at most ${ratioText(rule.maxAspectRatio)}`,
        );
    }
  }
  if (kind === 'video' && rules.video) {
    const v = rules.video;
    if (m.durationSeconds === undefined) out.push(`the length of ${which} could not be read`);
    else {
      if (m.durationSeconds > v.maxDurationSeconds + 0.05)
        out.push(`${which} runs ${secs(m.durationSeconds)}; ${platformName} allows ${secs(v.maxDurationSeconds)}`);
      if (v.minDurationSeconds !== undefined && m.durationSeconds < v.minDurationSeconds - 0.05)
        out.push(
          `${which} runs ${secs(m.durationSeconds)}; ${platformName} needs at least ${secs(v.minDurationSeconds)}`,
        );
    }
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const secs = (s: number) => (s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s * 10) / 10} s`);
/** width:height in words (0.8 -> "4:5 (0.80)") */
const ratioText = (r: number) => `a width/height ratio of ${r.toFixed(2)}`;
