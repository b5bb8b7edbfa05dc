import { z } from 'zod';
import { MalformedPayload, type Normalised } from './normalised';

const id = z.string().min(1).max(300);

// The sandbox's webhook events (services/sandbox/sandbox.types.ts WebhookEvent); other types are answered, ignored.
const envelope = z.object({
  id,
  type: z.string().min(1).max(100),
  createdAt: z.string().optional(),
  data: z.unknown(),
});
const commentCreated = z.object({
  comment: z.object({ id, postId: id, authorId: id, text: z.string(), createdAt: z.string() }),
  post: z.object({ id, authorId: id }),
});
const dmCreated = z.object({
  message: z.object({ id, fromUserId: id, toUserId: id, text: z.string(), createdAt: z.string() }),
});

function dm(data: unknown, deliveryHeader: string): Normalised {
  const d = dmCreated.safeParse(data);
  if (!d.success) throw new MalformedPayload('dm.created without its message');
  const { message } = d.data;
  const occurredAt = new Date(message.createdAt);
  if (Number.isNaN(occurredAt.getTime())) throw new MalformedPayload('message.createdAt is not a time');
  return {
    events: [
      {
        source: 'sandbox',
        deliveryId: message.id,
        // The account the message was sent to; its thread is the conversation with the sender.
        externalAccountId: message.toUserId,
        kind: 'dm',
        externalId: message.id,
        parentExternalId: message.fromUserId,
        authorExternalId: message.fromUserId,
        authorHandle: null,
        text: message.text,
        occurredAt,
        payload: { type: 'dm.created', delivery: deliveryHeader, message },
      },
    ],
    ignored: 0,
  };
}

/**
 * `comment.created` → a comment for the account that owns the post; `dm.created` → a DM for its recipient. The delivery id stored is the comment's id, not
 * `x-sandbox-delivery`: the poll stores the same comment under the same key, so webhook, redelivery and poll meet on
 * one row. A comment by the post's own author (the brand replying, Raize's own replies among them) is not inbound.
 */
export function normaliseSandbox(payload: unknown, deliveryHeader: string): Normalised {
  const env = envelope.safeParse(payload);
  if (!env.success) throw new MalformedPayload('not a sandbox webhook event');
  if (env.data.type === 'dm.created') return dm(env.data.data, deliveryHeader);
  if (env.data.type !== 'comment.created') return { events: [], ignored: 1 };
  const d = commentCreated.safeParse(env.data.data);
  if (!d.success) throw new MalformedPayload('comment.created without its comment and post');
  const { comment, post } = d.data;
  if (comment.authorId === post.authorId) return { events: [], ignored: 1 };
  const occurredAt = new Date(comment.createdAt);
  if (Number.isNaN(occurredAt.getTime())) throw new MalformedPayload('comment.createdAt is not a time');
  return {
    events: [
      {
        source: 'sandbox',
        deliveryId: comment.id,
        externalAccountId: post.authorId,
        kind: 'comment',
        externalId: comment.id,
        parentExternalId: post.id,
        authorExternalId: comment.authorId,
        authorHandle: null,
        text: comment.text,
        occurredAt,
        payload: { type: env.data.type, delivery: deliveryHeader, comment, post: { id: post.id } },
      },
    ],
    ignored: 0,
  };
}
