import type { InboundKind } from '../../../workflows/contracts/vocabulary/engagement';
import { INBOUND_KINDS } from '../../../workflows/contracts/vocabulary/engagement';

/** An inbound event as a normaliser or a poll produces it, before it is stored. */
export interface NewInboundEvent {
  /** the platform id it came from */
  source: string;
  /** the dedupe key: the platform's id of the comment or message (webhook, replay and poll meet on one row) */
  deliveryId: string;
  /** the platform account the event is for (the brand's own account on the platform) */
  externalAccountId: string;
  kind: InboundKind;
  externalId: string;
  /** the post, media or thread the event belongs to */
  parentExternalId: string | null;
  authorExternalId: string | null;
  authorHandle: string | null;
  text: string;
  occurredAt: Date;
  /** the normalised platform object, for the record (bounded) */
  payload: Record<string, unknown>;
}

/** The database's bounds (schema/migrations/1765200000000-inbound-events.ts), checked before a group commit. */
export const INBOUND_BOUNDS = {
  source: 40,
  deliveryId: 300,
  externalAccountId: 200,
  externalId: 300,
  parentExternalId: 300,
  authorExternalId: 200,
  authorHandle: 200,
  text: 20_000,
  payloadBytes: 32_768,
} as const;

/** The times an inbound event may carry: no platform event is older than 1970, and Postgres's ISO years end at 9999. */
export const INBOUND_TIME_RANGE = { from: 0, to: Date.UTC(9999, 11, 31, 23, 59, 59, 999) } as const;

export class InboundEventRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InboundEventRefused';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Postgres refuses NUL in text and unpaired surrogates in jsonb; one such string would fail the whole group commit,
 * so every string is made storable first.
 */
export function storableText(s: string): string {
  return s.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD');
}

function id(name: keyof typeof INBOUND_BOUNDS, v: string): string {
  const s = storableText(v).trim();
  if (!s || s.length > INBOUND_BOUNDS[name]) throw new InboundEventRefused(`${name} missing or too long`);
  return s;
}

function optionalId(name: keyof typeof INBOUND_BOUNDS, v: string | null): string | null {
  return v === null || v === '' ? null : id(name, v);
}

/** Strings and object keys alike: a NUL in a key of a Meta payload failed the group commit as surely as in a value. */
function storableJson(_key: string, v: unknown): unknown {
  if (typeof v === 'string') return storableText(v);
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableText(k), x]));
  return v;
}

function boundedPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(payload, storableJson);
  if (Buffer.byteLength(json) <= INBOUND_BOUNDS.payloadBytes) return JSON.parse(json) as Record<string, unknown>;
  return { truncated: true, bytes: Buffer.byteLength(json) };
}

/**
 * The event as the database will accept it: ids present and within bounds (else refused: a platform id longer than
 * that is not one), text and handle cut to their bounds, payload bounded, a real time.
 */
export function boundInboundEvent(e: NewInboundEvent): NewInboundEvent {
  if (!INBOUND_KINDS.includes(e.kind)) throw new InboundEventRefused('unknown kind');
  if (!(e.occurredAt instanceof Date) || Number.isNaN(e.occurredAt.getTime()))
    throw new InboundEventRefused('occurredAt is not a time');
  // JavaScript reads years 0 and past 9999 that Postgres refuses in their ISO form: one such event failed its whole
  // group commit (503 to every sender in it, retried for ever) until it was refused here (C-54, found by fuzzing).
  const t = e.occurredAt.getTime();
  if (t < INBOUND_TIME_RANGE.from || t > INBOUND_TIME_RANGE.to)
    throw new InboundEventRefused('occurredAt is outside 1970 to 9999');
  const handle = e.authorHandle === null ? null : storableText(e.authorHandle).slice(0, INBOUND_BOUNDS.authorHandle);
  return {
    source: id('source', e.source),
    deliveryId: id('deliveryId', e.deliveryId),
    externalAccountId: id('externalAccountId', e.externalAccountId),
    kind: e.kind,
    externalId: id('externalId', e.externalId),
    parentExternalId: optionalId('parentExternalId', e.parentExternalId),
    authorExternalId: optionalId('authorExternalId', e.authorExternalId),
    authorHandle: handle || null,
    text: storableText(storableText(e.text).slice(0, INBOUND_BOUNDS.text)),
    occurredAt: e.occurredAt,
    payload: boundedPayload(e.payload),
  };
}
