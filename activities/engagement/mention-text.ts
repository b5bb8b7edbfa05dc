import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { ConnectorError } from '../../services/core/connectors/connector.errors';
import type { CallOptions, PlatformMention } from '../../services/core/connectors/connector.types';
import type { EntityManager } from 'typeorm';
import type { StoredRoute } from '../../services/core/database/entities';
import { ConversationMessage, InboundEvent, PlatformAccount } from '../../services/core/database/entities';
import { INBOUND_BOUNDS, storableText } from '../../services/core/engagement/inbound-event.bounds';
import { withoutDatabaseConnection } from '../../services/core/tenancy/tenant-scope';
import type { MessageRef } from '../../workflows/contracts/engagement.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import type { EngagementDeps } from './engagement.deps';

/** What routing a mention reads first: nothing to read, the platform's text, or why it could not be read. */
export type MentionText =
  { kind: 'as_is' } | { kind: 'read'; text: string; authorHandle: string | null } | { kind: 'unreadable'; why: string };

/**
 * A platform blip is retried by the activity's own retries a few times before the mention goes to a human; auth,
 * permission and not-found answers go at once (no retry changes them).
 */
const READ_ATTEMPTS = 3;

function attempt(): { n: number; call: CallOptions } {
  try {
    const ctx = Context.current();
    return { n: ctx.info.attempt, call: { signal: ctx.cancellationSignal, onProgress: () => ctx.heartbeat() } };
  } catch {
    // A direct call (tests, tools) has no retries to wait for: the first failure is the last.
    return { n: READ_ATTEMPTS, call: {} };
  }
}

const unreadable = (why: string): MentionText => ({
  kind: 'unreadable',
  why: `the mention's text could not be read: ${why}; a human reads it on the platform`,
});

/** Operator-facing, from the error's kind and health only (its message names routes, never text or tokens). */
function whyUnread(err: ConnectorError): string {
  if (err.kind === 'auth') return "the platform refused the account's token";
  if (err.details.health === 'missing_permissions') return 'the account did not grant the permission to read comments';
  if (err.kind === 'transient' || err.kind === 'rate_limited' || err.kind === 'outcome_unknown')
    return 'the platform did not answer';
  return 'the platform refused to show it';
}

/**
 * A mention stored with no text (Instagram's webhook carries ids only) is read from the platform with the account's
 * credential, where its reader offers mention reads, and the text and author stored on the message so the router,
 * the drafter and the inbox see it. The text is untrusted like any inbound text (C-27). Other messages, and mentions
 * on platforms whose webhook carries the text, are routed as they are.
 */
export async function mentionText(
  deps: Pick<EngagementDeps, 'ds' | 'platforms' | 'credentials'>,
  input: MessageRef,
  message: ConversationMessage,
): Promise<MentionText> {
  if (message.text.trim() !== '' || !message.inboundEventId) return { kind: 'as_is' };
  const inboundEventId = message.inboundEventId;
  const found = await deps.ds.transaction(async (m) => ({
    event: await m.findOne(InboundEvent, {
      where: { id: inboundEventId, clientId: input.clientId, platformAccountId: input.platformAccountId },
    }),
    account: await m.findOne(PlatformAccount, { where: { id: input.platformAccountId, clientId: input.clientId } }),
  }));
  const { event, account } = found;
  if (!event || event.kind !== 'mention' || !account || !isPlatformId(account.platform)) return { kind: 'as_is' };
  const mentions = deps.platforms.reader(account.platform).mentions;
  if (!mentions) return { kind: 'as_is' };
  if (account.status !== 'connected' || !account.credentialRefId) return unreadable('the account is not connected');

  const credentialRefId = account.credentialRefId;
  const cred = await deps.credentials.load(deps.ds.manager, input.clientId, credentialRefId);
  // The webhook names the media, and the comment when the mention is in one (its id differs from the media's).
  const mediaId = event.parentExternalId ?? event.externalId;
  const ref = event.externalId !== mediaId ? { mediaId, commentId: event.externalId } : { mediaId };
  const { n, call } = attempt();
  let read: PlatformMention | null;
  try {
    // No pooled connection is held while the platform answers.
    read = await withoutDatabaseConnection(() => mentions.readMention(cred, ref, call));
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    if (err.kind === 'auth') deps.credentials.forget(input.clientId, credentialRefId);
    // The account's events wait behind this one: a short blip is retried, a long throttle goes to a human.
    const blip = err.kind === 'transient' || err.kind === 'rate_limited';
    if (blip && n < READ_ATTEMPTS)
      throw ApplicationFailure.create({ type: FAILURE_TYPES.transient, message: err.message });
    return unreadable(whyUnread(err));
  }
  if (!read) return unreadable('the platform shows no such mention');
  const text = storableText(read.text).slice(0, INBOUND_BOUNDS.text);
  const authorHandle = read.authorHandle ? storableText(read.authorHandle).slice(0, INBOUND_BOUNDS.authorHandle) : null;
  if (text.trim() === '') return unreadable('the platform shows it without text');
  return { kind: 'read', text, authorHandle };
}

/**
 * Where an unreadable mention goes: a human, with the reason as the inbox's "why it was routed here". Never a
 * drafted reply on empty text.
 */
export function unreadMentionRoute(why: string): StoredRoute {
  return {
    intent: 'other',
    sentiment: 'neutral',
    flags: [],
    sensitive: false,
    route: 'escalate',
    why: [why.slice(0, 200)],
    classifier: 'rules',
  };
}

/** Stores the text read on the message once (a retry finds it there and routes it as it is). */
export async function storeMentionText(
  m: EntityManager,
  q: { clientId: string; messageId: string },
  read: { text: string; authorHandle: string | null },
): Promise<void> {
  await m.update(
    ConversationMessage,
    { id: q.messageId, clientId: q.clientId, text: '' },
    { text: read.text, ...(read.authorHandle ? { authorHandle: read.authorHandle } : {}) },
  );
}
