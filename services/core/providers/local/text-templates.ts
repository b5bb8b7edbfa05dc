/**
 * The local provider's templates: a hook, a body and a call to action per format, with slots the brand kit fills
 * ({topic}, {brand}, {word}). Kept short and plain so the output reads as a draft a human edits, not as a claim.
 */
export const HOOKS: Record<string, readonly string[]> = {
  default: [
    '{topic}: here is what matters.',
    'A closer look at {topic}.',
    'Let us talk about {topic}.',
    'New from {brand}: {topic}.',
  ],
  educational: ['Three things to know about {topic}.', 'How {topic} works, in short.', 'Quick guide: {topic}.'],
  promotional: ['Meet {topic} from {brand}.', '{topic} is here.', 'Introducing {topic}.'],
  community: [
    'We asked, you answered: {topic}.',
    'Behind the scenes at {brand}: {topic}.',
    'Your stories about {topic}.',
  ],
  inspirational: ['Small steps, big change: {topic}.', 'Why {topic} matters to us.', 'A thought on {topic}.'],
};

export const BODIES: Record<string, readonly string[]> = {
  default: [
    'At {brand} we keep it {word} and simple, so {topic} fits your day.',
    'We built this around what you told us, with a {word} touch.',
    'It is {word}, it is practical, and it is made for you.',
  ],
  thread: [
    '1/ Start with the basics of {topic}.\n2/ Keep it {word}.\n3/ Share what works with your team.',
    '1/ {topic} in one sentence.\n2/ What we learned at {brand}.\n3/ What you can try today.',
  ],
  story: ['Swipe up to see {topic} in action.', 'Today at {brand}: {topic}, the {word} way.'],
  video: ['Scene 1: {topic} in one shot.\nScene 2: the {word} detail.\nScene 3: {brand} sign-off.'],
};

export const CALLS: readonly string[] = [
  'Tell us what you think below.',
  'Save this for later.',
  'Share it with someone who needs it.',
  'Learn more on our page.',
];

/** The template family for a format. */
export function bodyFamily(format: string | undefined): string {
  const f = (format ?? '').toLowerCase();
  if (f.includes('thread')) return 'thread';
  if (f.includes('story')) return 'story';
  if (f.includes('video') || f.includes('reel') || f.includes('clip') || f.includes('script')) return 'video';
  return 'default';
}
