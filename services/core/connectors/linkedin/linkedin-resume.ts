import type { ResumeState } from '../connector.types';

/**
 * What a LinkedIn publish keeps in the guard's resume memory (short strings, never tokens or upload URLs: those are
 * signed capabilities). Written before the step that could end without an answer.
 */
export const RESUME_KEYS = {
  /** the image or video URN of media `i`, saved once initializeUpload named it */
  media: (i: number) => `li.media.${i}`,
  /** ISO time POST /rest/posts was first sent: from then on a retry looks for the post before posting again */
  postSentAt: 'li.post.sentAt',
  /** the post's URN, once LinkedIn answered it */
  post: 'li.post',
} as const;

/** The guard's memory, or one that forgets (a publish outside the guard: tests of one call, the demo). */
export function resumeOf(resume: ResumeState | undefined): ResumeState {
  return resume ?? { get: () => Promise.resolve({}), put: () => Promise.resolve() };
}
