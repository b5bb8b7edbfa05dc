import { createHash } from 'node:crypto';

/**
 * Figures the platform emulators answer their analytics endpoints with. Real platforms compute them from people's
 * behaviour; the emulators derive them from a post's id and age (and an account's posts) on the emulator clock, so
 * they are deterministic for a given clock, grow as the clock moves, and differ from post to post. Tests compute the
 * expected figures with these same functions. Each platform's routes map them onto its own wire names.
 */
export interface EmulatedPostFigures {
  views: number;
  reach: number;
  likes: number;
  comments: number;
  shares: number;
  clicks: number;
  saves: number;
}

export interface EmulatedDayFigures {
  views: number;
  reach: number;
  /** likes, comments and shares made that day */
  engagements: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function seed(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0);
}

/** Views per minute a post gathers: 2 to 9, by its id. */
function viewsPerMinute(id: string): number {
  return 2 + (seed(id) % 8);
}

export function emulatedPostFigures(id: string, createdAtMs: number, nowMs: number): EmulatedPostFigures {
  const views = Math.max(0, Math.floor((nowMs - createdAtMs) / MINUTE_MS)) * viewsPerMinute(id);
  return {
    views,
    reach: Math.floor((views * 7) / 10),
    likes: Math.floor(views / 10),
    comments: Math.floor(views / 40),
    shares: Math.floor(views / 80),
    clicks: Math.floor(views / 25),
    saves: Math.floor(views / 100),
  };
}

/** An account's followers: a base by its id, one more per hour of the emulator clock since 2026-01-01. */
export function emulatedFollowers(accountId: string, nowMs: number): number {
  const since2026 = Math.max(0, nowMs - Date.UTC(2026, 0, 1));
  return 1000 + (seed(accountId) % 500) + Math.floor(since2026 / 3_600_000);
}

/**
 * One UTC day of an account (`dayStartMs` its midnight): what its posts gathered that day, up to now when the day
 * is today.
 */
export function emulatedDayFigures(
  posts: { id: string; createdAtMs: number }[],
  dayStartMs: number,
  nowMs: number,
): EmulatedDayFigures {
  const end = Math.min(dayStartMs + DAY_MS, nowMs);
  let views = 0;
  let engagements = 0;
  for (const p of posts) {
    if (p.createdAtMs >= end) continue;
    const to = emulatedPostFigures(p.id, p.createdAtMs, end);
    const from = emulatedPostFigures(p.id, p.createdAtMs, Math.max(dayStartMs, p.createdAtMs));
    views += to.views - from.views;
    engagements += to.likes + to.comments + to.shares - (from.likes + from.comments + from.shares);
  }
  return { views, reach: Math.floor((views * 7) / 10), engagements };
}

/** The UTC midnight of a day given as YYYY-MM-DD, or of the day containing `ms`. */
export function utcMidnight(day: string | number): number {
  if (typeof day === 'number') return Math.floor(day / DAY_MS) * DAY_MS;
  return Date.parse(`${day}T00:00:00Z`);
}
