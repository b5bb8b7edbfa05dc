import type { NewInboundEvent } from '../../core/engagement/inbound-event.bounds';

/** What one delivery holds: the inbound events to store, and how many of its items were not for us. */
export interface Normalised {
  events: NewInboundEvent[];
  /** items the ingest does not take (likes, reads, a post created, the account's own comments and echoes) */
  ignored: number;
}

/** The payload does not have the documented shape: 400, nothing stored. */
export class MalformedPayload extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'MalformedPayload';
  }
}

/** Parses JSON; any syntax error is a malformed payload. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new MalformedPayload('body is not JSON');
  }
}

/** A time from ISO text, Unix seconds or Unix milliseconds; `fallback` when absent; malformed when unreadable. */
export function timeOf(v: string | number | undefined, fallback: Date): Date {
  if (v === undefined) return fallback;
  const d = typeof v === 'number' ? new Date(v < 1e12 ? v * 1000 : v) : new Date(v);
  if (Number.isNaN(d.getTime())) throw new MalformedPayload('a time is not readable');
  return d;
}
