import { z } from 'zod';
import type { NewInboundEvent } from '../../core/engagement/inbound-event.bounds';
import { MalformedPayload, type Normalised, timeOf } from './normalised';

// Built from Meta's reference pages (shapes checked on 2026-11-30):
// - envelope, signature and handshake: https://developers.facebook.com/docs/graph-api/webhooks/getting-started
// - Instagram `comments` / `live_comments` / `mentions` values:
//   https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram and
//   https://developers.facebook.com/documentation/instagram-platform/webhooks/examples
// - Facebook Pages `feed` (item comment, verb add) and `mention`: https://developers.facebook.com/docs/pages-api/webhooks-for-pages
// - DMs, `entry[].messaging[]` with `message.mid` and `is_echo`:
//   https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events
// Unknown keys are kept in the stored payload and otherwise ignored: Meta adds fields without a version bump.

const metaId = z.union([z.string().min(1).max(300), z.number().int()]).transform(String);
const time = z.union([z.string(), z.number()]).optional();

const envelope = z.object({
  object: z.string().min(1).max(50),
  entry: z
    .array(
      z.object({
        id: metaId,
        time: time,
        changes: z.array(z.object({ field: z.string().min(1).max(100), value: z.unknown() })).optional(),
        messaging: z.array(z.unknown()).optional(),
      }),
    )
    .max(1000),
});

const igComment = z.object({
  id: metaId,
  text: z.string().optional(),
  from: z.object({ id: metaId, username: z.string().optional() }).optional(),
  media: z.object({ id: metaId }).optional(),
  parent_id: metaId.optional(),
});
const igMention = z.object({ media_id: metaId, comment_id: metaId.optional() });
const pageFeed = z.object({
  item: z.string(),
  verb: z.string(),
  comment_id: metaId.optional(),
  post_id: metaId.optional(),
  parent_id: metaId.optional(),
  from: z.object({ id: metaId, name: z.string().optional() }).optional(),
  message: z.string().optional(),
  created_time: time,
});
const pageMention = z.object({
  item: z.string(),
  verb: z.string(),
  post_id: metaId,
  comment_id: metaId.optional(),
  sender_id: metaId.optional(),
  sender_name: z.string().optional(),
  message: z.string().optional(),
  created_time: time,
});
const messaging = z.object({
  sender: z.object({ id: metaId }),
  recipient: z.object({ id: metaId }),
  timestamp: time,
  message: z
    .object({ mid: z.string().min(1).max(300), text: z.string().optional(), is_echo: z.boolean().optional() })
    .optional(),
});

const SOURCE_OF_OBJECT: Record<string, 'instagram' | 'facebook'> = { instagram: 'instagram', page: 'facebook' };

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new MalformedPayload(`${what} does not have the documented shape`);
  return r.data;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };

/**
 * An Instagram or Facebook Pages delivery → its comments, replies, mentions and DMs. One delivery may batch several
 * entries and changes. The dedupe key is the comment id or the message id (Meta sends no delivery id); a mention is
 * keyed apart from a comment with the same id. The account's own comments and message echoes are not inbound.
 */
export function normaliseMeta(payload: unknown, receivedAt: Date): Normalised {
  const body = parsed(envelope, payload, 'the delivery');
  const source = SOURCE_OF_OBJECT[body.object];
  if (!source) return { events: [], ignored: body.entry.length };
  const events: NewInboundEvent[] = [];
  let ignored = 0;
  const push = (e: Omit<NewInboundEvent, 'source'>) => events.push({ source, ...e });
  for (const entry of body.entry) {
    const account = entry.id;
    const entryTime = timeOf(entry.time, receivedAt);
    for (const change of entry.changes ?? []) {
      const raw = asRecord(change.value);
      if (source === 'instagram' && (change.field === 'comments' || change.field === 'live_comments')) {
        const v = parsed(igComment, change.value, 'an Instagram comment');
        if (v.from?.id === account) {
          ignored++;
          continue;
        }
        push({
          deliveryId: v.id,
          externalAccountId: account,
          kind: v.parent_id ? 'reply' : 'comment',
          externalId: v.id,
          parentExternalId: v.parent_id ?? v.media?.id ?? null,
          authorExternalId: v.from?.id ?? null,
          authorHandle: v.from?.username ?? null,
          text: v.text ?? '',
          occurredAt: entryTime,
          payload: { field: change.field, value: raw },
        });
      } else if (source === 'instagram' && change.field === 'mentions') {
        // The mention carries ids only: the text is read from the platform when the episode handles it.
        const v = parsed(igMention, change.value, 'an Instagram mention');
        const target = v.comment_id ?? v.media_id;
        push({
          deliveryId: `mention:${target}`,
          externalAccountId: account,
          kind: 'mention',
          externalId: target,
          parentExternalId: v.media_id,
          authorExternalId: null,
          authorHandle: null,
          text: '',
          occurredAt: entryTime,
          payload: { field: change.field, value: raw },
        });
      } else if (source === 'facebook' && change.field === 'feed') {
        const v = parsed(pageFeed, change.value, 'a Page feed change');
        // Likes, reactions, shares, edits and removals are not conversations to answer.
        if (v.item !== 'comment' || v.verb !== 'add' || v.from?.id === account) {
          ignored++;
          continue;
        }
        if (!v.comment_id) throw new MalformedPayload('a Page comment without comment_id');
        const isReply = !!v.parent_id && v.parent_id !== v.post_id;
        push({
          deliveryId: v.comment_id,
          externalAccountId: account,
          kind: isReply ? 'reply' : 'comment',
          externalId: v.comment_id,
          parentExternalId: (isReply ? v.parent_id : v.post_id) ?? null,
          authorExternalId: v.from?.id ?? null,
          authorHandle: v.from?.name ?? null,
          text: v.message ?? '',
          occurredAt: timeOf(v.created_time, entryTime),
          payload: { field: change.field, value: raw },
        });
      } else if (source === 'facebook' && change.field === 'mention') {
        const v = parsed(pageMention, change.value, 'a Page mention');
        if (v.verb !== 'add') {
          ignored++;
          continue;
        }
        const target = v.comment_id ?? v.post_id;
        push({
          deliveryId: `mention:${target}`,
          externalAccountId: account,
          kind: 'mention',
          externalId: target,
          parentExternalId: v.post_id,
          authorExternalId: v.sender_id ?? null,
          authorHandle: v.sender_name ?? null,
          text: v.message ?? '',
          occurredAt: timeOf(v.created_time, entryTime),
          payload: { field: change.field, value: raw },
        });
      } else ignored++;
    }
    for (const item of entry.messaging ?? []) {
      const m = parsed(messaging, item, 'a messaging event');
      // Reads, deliveries and reactions carry no message; echoes are the account's own messages.
      if (!m.message || m.message.is_echo || m.sender.id === account) {
        ignored++;
        continue;
      }
      push({
        deliveryId: m.message.mid,
        externalAccountId: m.recipient.id,
        kind: 'dm',
        externalId: m.message.mid,
        // The thread of a DM is the conversation with its sender.
        parentExternalId: m.sender.id,
        authorExternalId: m.sender.id,
        authorHandle: null,
        text: m.message.text ?? '',
        occurredAt: timeOf(m.timestamp, entryTime),
        payload: { field: 'messaging', value: asRecord(item) },
      });
    }
  }
  return { events, ignored };
}
