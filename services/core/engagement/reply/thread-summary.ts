import type { ThreadMessage } from './reply.types';

/** A summary never grows past this; the oldest lines go first and are counted. */
export const MAX_SUMMARY_CHARS = 1200;
/** Each message's line is cut to this. */
export const SUMMARY_LINE_CHARS = 160;
/** How many of a thread's last messages the drafter sees beside the summary. */
export const RECENT_MESSAGES = 5;

const OMITTED = /^\[(\d+) earlier messages? omitted\]$/;

function oneLine(text: string, max: number): string {
  const s = text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/**
 * The thread's running summary (C-27's external memory, stored append-only by the conversation model): the previous
 * summary plus one line per new message, the oldest lines dropped (and counted) so it stays under
 * MAX_SUMMARY_CHARS. Deterministic: the same inputs give the same summary. It is still untrusted text, so the drafter
 * puts it in a data block like the messages themselves.
 */
export function summariseThread(previousSummary: string, newMessages: readonly ThreadMessage[]): string {
  const lines = previousSummary
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let omitted = 0;
  const first = OMITTED.exec(lines[0] ?? '');
  if (first) {
    omitted = Number(first[1]);
    lines.shift();
  }
  for (const m of newMessages) {
    const text = oneLine(m.text, SUMMARY_LINE_CHARS);
    if (text) lines.push(`${m.direction === 'in' ? 'Customer' : 'Brand'}: ${text}`);
  }
  const render = () =>
    [...(omitted ? [`[${omitted} earlier message${omitted === 1 ? '' : 's'} omitted]`] : []), ...lines].join('\n');
  let out = render();
  while (out.length > MAX_SUMMARY_CHARS && lines.length > 1) {
    lines.shift();
    omitted++;
    out = render();
  }
  return out.slice(0, MAX_SUMMARY_CHARS);
}

/** The last messages of a thread the drafter may see (the rest is in the summary). */
export function recentMessages<T>(messages: readonly T[], n = RECENT_MESSAGES): T[] {
  return messages.slice(Math.max(0, messages.length - n));
}
