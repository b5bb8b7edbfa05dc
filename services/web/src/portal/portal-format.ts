import { formatDateTime } from '../time/zoned-time';

/** A server message as a sentence: capital first, a full stop at the end. */
export function sentence(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.') : s;
}

/** An instant on the reviewer's own clock (the link's expiry is theirs, not the client's posting schedule). */
export function formatOnOwnClock(iso: string): string {
  return formatDateTime(iso, Intl.DateTimeFormat().resolvedOptions().timeZone);
}

// PLATFORM_IDS (workflows/contracts/vocabulary/platform-id.ts) as their owners write them; unknown ids as they are.
const PLATFORM_NAMES: Record<string, string> = {
  sandbox: 'Sandbox',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  x: 'X',
  tiktok: 'TikTok',
  youtube: 'YouTube',
};

export function platformName(id: string): string {
  return PLATFORM_NAMES[id] ?? id;
}
