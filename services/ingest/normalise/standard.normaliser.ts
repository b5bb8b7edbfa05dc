import { z } from 'zod';
import { INBOUND_KINDS } from '../../../workflows/contracts/vocabulary/engagement';
import type { InboundKind } from '../../../workflows/contracts/vocabulary/engagement';
import { MalformedPayload, type Normalised, timeOf } from './normalised';

const id = z.string().min(1).max(300);

/**
 * Raize's inbound event over Standard Webhooks, for a platform or a bridge that signs per the spec: the spec's
 * envelope `{ type, timestamp, data }` with `type` `<kind>.created` (comment, reply, mention, dm) and the event in
 * `data`. Other types are answered and ignored. The dedupe key is the event's own id on the platform (`data.id`).
 */
const envelope = z.object({
  type: z.string().min(1).max(100),
  timestamp: z.string().optional(),
  data: z.unknown(),
});
const inbound = z.object({
  account_id: z.string().min(1).max(200),
  id,
  parent_id: id.optional(),
  author: z.object({ id: z.string().max(200).optional(), handle: z.string().optional() }).optional(),
  text: z.string(),
  created_at: z.string().optional(),
});

export function normaliseStandard(payload: unknown, source: string, webhookId: string, signedAt: Date): Normalised {
  const env = envelope.safeParse(payload);
  if (!env.success) throw new MalformedPayload('not a Standard Webhooks envelope');
  const [kind, verb] = env.data.type.split('.');
  if (verb !== 'created' || !(INBOUND_KINDS as readonly string[]).includes(kind ?? ''))
    return { events: [], ignored: 1 };
  const d = inbound.safeParse(env.data.data);
  if (!d.success) throw new MalformedPayload(`${env.data.type} without account_id, id and text`);
  const v = d.data;
  // The account's own comment or message (its replies going out) is not inbound.
  if (v.author?.id && v.author.id === v.account_id) return { events: [], ignored: 1 };
  return {
    events: [
      {
        source,
        deliveryId: v.id,
        externalAccountId: v.account_id,
        kind: kind as InboundKind,
        externalId: v.id,
        parentExternalId: v.parent_id ?? null,
        authorExternalId: v.author?.id || null,
        authorHandle: v.author?.handle || null,
        text: v.text,
        occurredAt: timeOf(v.created_at ?? env.data.timestamp, signedAt),
        payload: { type: env.data.type, webhookId, data: v },
      },
    ],
    ignored: 0,
  };
}
