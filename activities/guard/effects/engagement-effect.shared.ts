import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../../services/core/audit/audit.service';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  ConnectorWriter,
  EngagementItem,
  EngagementOutcome,
  EngagementReader,
  EngagementWriter,
  PlatformPost,
} from '../../../services/core/connectors/connector.types';
import type { EngagementReply, InboundEvent } from '../../../services/core/database/entities';
import {
  Client,
  ClientPolicySettings,
  EngagementReply as EngagementReplyRow,
  InboundEvent as InboundEventRow,
  PlatformAccount,
} from '../../../services/core/database/entities';
import {
  engagementChecksum,
  EngagementRepliesRepository,
} from '../../../services/core/repositories/engagement-replies.repository';
import { effectiveRole } from '../../../services/core/tenancy/effective-role';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import type { EngagementAction } from '../../../workflows/contracts/vocabulary/engagement';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import { tenantRefused } from '../guard.errors';
import type { EffectClaim, EffectFacts, EffectTarget, SideEffectAdapter } from '../kernel/side-effect.adapter';

/** What every engagement effect's input carries once the guard derived its idempotency key. */
export interface EngagementClaim extends EffectClaim {
  inboundEventId: string;
  replyId: string;
  checksum: string;
  approvedBy?: string;
}

export interface EngagementTarget extends EffectTarget {
  event: InboundEvent;
  record: EngagementReply;
}

/**
 * The idempotency key of an engagement side effect (C-22): the client, the account, the inbound event, the action and
 * the checksum of what is sent. A retried or redelivered request for the same answer is one side effect; an edited
 * answer is another request (and needs its own approval).
 */
export function engagementKey(c: {
  clientId: string;
  platformAccountId: string;
  inboundEventId: string;
  action: EngagementAction;
  checksum: string;
}): string {
  const raw = ['engage', c.clientId, c.platformAccountId, c.inboundEventId, c.action, c.checksum].join('|');
  return `engage-${createHash('sha256').update(raw, 'utf8').digest('hex').slice(0, 48)}`;
}

/** An engagement item as the kernel's ledger and proof see it (the reply or DM made, or the comment acted on). */
export function asPost(item: EngagementItem): PlatformPost {
  return {
    postId: item.id,
    url: '',
    text: item.text,
    authorExternalId: item.authorExternalId,
    createdAt: item.createdAt,
    requestKey: item.requestKey,
    raw: item.raw,
  };
}

const AUDIT_OF: Record<EngagementAction, AuditAction> = {
  reply: 'reply.sent',
  dm: 'dm.sent',
  like: 'comment.liked',
  hide: 'comment.hidden',
};

/** What one engagement action adds to the shared adapter: its target on the platform, its call and its read-back. */
export interface EngagementSpec {
  action: EngagementAction;
  /** the inbound kinds the action applies to, and why not otherwise */
  accepts(event: InboundEvent): Reason | null;
  call(
    w: EngagementWriter,
    cred: ConnectorCredential,
    t: EngagementTarget,
    key: string,
    opts: CallOptions,
  ): Promise<EngagementOutcome>;
  /** finds what an earlier attempt made (by our request key, else by what it must look like) */
  find(
    r: EngagementReader,
    cred: ConnectorCredential,
    t: EngagementTarget,
    q: { idempotencyKey: string; firstAttemptAt: Date },
    opts: CallOptions,
  ): Promise<{ found: EngagementItem | null } | { ambiguous: EngagementItem[] }>;
  readBack(
    r: EngagementReader,
    cred: ConnectorCredential,
    made: PlatformPost,
    t: EngagementTarget,
    opts: CallOptions,
  ): Promise<EngagementItem | null>;
  /** C-24: the read-back shows exactly what we did, as the account we did it as */
  verifies(item: EngagementItem, t: EngagementTarget): boolean;
}

/**
 * The engagement item behind a read-back: the kernel passes PlatformPost views between its steps, and `verifies` and
 * `record` need what only the item has (hidden, liked, parent, recipient).
 */
const itemOf = new WeakMap<PlatformPost, EngagementItem>();

/** Platforms trim and fold whitespace: compare texts the way contentFingerprint does. */
export const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Like and hide act on a comment (or a reply in a thread), never on a DM or a mention. */
export function commentActionAccepts(action: 'like' | 'hide') {
  return (e: InboundEvent): Reason | null =>
    e.kind === 'comment' || e.kind === 'reply'
      ? null
      : {
          code: 'invalid_input',
          message: `only a comment can be ${action === 'like' ? 'liked' : 'hidden'}; this is a ${e.kind}`,
        };
}

/** The kernel adapter of one engagement action: claim, facts, call, read-back and proof shared by all four. */
export function engagementEffect(
  audit: AuditService,
  spec: EngagementSpec,
): SideEffectAdapter<EngagementClaim, EngagementTarget> {
  const replies = new EngagementRepliesRepository();
  return {
    action: spec.action,
    subjectType: 'engagement_reply',
    subjectId: (input) => input.replyId,

    // The inbound event and the draft are loaded by id AND the client and account the request claims (C-05): an
    // event of another account, even of the same client, is refused before anything else happens.
    async load(m: EntityManager, input) {
      const event = await m.findOne(InboundEventRow, {
        where: {
          id: input.inboundEventId,
          agencyId: input.agencyId,
          clientId: input.clientId,
          platformAccountId: input.platformAccountId,
        },
      });
      if (!event) throw tenantRefused('the inbound event does not belong to this client and account');
      const record = await m.findOne(EngagementReplyRow, {
        where: { id: input.replyId, clientId: input.clientId, agencyId: input.agencyId },
      });
      if (!record) throw tenantRefused(`the ${spec.action} does not exist for this client`);
      const claims: [string, string, string][] = [
        ['platform account', input.platformAccountId, record.platformAccountId],
        ['inbound event', input.inboundEventId, record.inboundEventId],
        ['action', spec.action, record.action],
        ['checksum', input.checksum, record.checksum],
      ];
      const mismatch = claims.find(([, a, b]) => a !== b);
      if (mismatch) throw tenantRefused(`the ${mismatch[0]} in the request does not match the stored ${spec.action}`);
      const client = await m.findOne(Client, { where: { id: input.clientId, agencyId: input.agencyId } });
      const account = await m.findOne(PlatformAccount, {
        where: { id: input.platformAccountId, clientId: input.clientId, agencyId: input.agencyId },
      });
      if (!client || !account) throw tenantRefused('the client or account does not belong to this tenant');
      const settings = await m.findOne(ClientPolicySettings, { where: { clientId: input.clientId } });
      return {
        agencyId: input.agencyId,
        clientId: input.clientId,
        client,
        account,
        settings,
        createdAt: record.createdAt,
        event,
        record,
      };
    },

    async facts(m, t, input): Promise<EffectFacts> {
      const r = t.record;
      const current = engagementChecksum(spec.action, r.text);
      const hostReasons: Reason[] = [];
      const wrongKind = spec.accepts(t.event);
      if (wrongKind) hostReasons.push(wrongKind);
      // Recomputed from the stored text: an edit that forgot the checksum still voids the approval (C-23).
      if (current !== r.checksum)
        hostReasons.push({ code: 'content_changed', message: 'the text changed after it was drafted' });
      const approvals = [];
      // The workflow's approver and the stored one must agree; each alone counts for nothing (C-21).
      if (input.approvedBy && r.approvedBy === input.approvedBy && r.approvedChecksum) {
        const role = (await effectiveRole(m, r.approvedBy, t.agencyId, t.clientId)) ?? 'none';
        approvals.push({ approver_id: r.approvedBy, role, checksum: r.approvedChecksum });
      }
      const sentiment = await replies.recentSentiment(m, {
        clientId: t.clientId,
        platformAccountId: t.account.id,
        now: new Date(),
      });
      const author = r.authorKind === 'human' && r.authorId ? r.authorId : `ai:${input.workflowId}`;
      return {
        author: { id: author, kind: r.authorKind, ids: r.authorId ? [r.authorId] : [] },
        approvals,
        contentChecksum: current,
        hostReasons,
        counters: { inbound_last_hour: sentiment.inbound, negative_last_hour: sentiment.negative },
      };
    },

    contentFingerprint: (t) => engagementChecksum(spec.action, `${t.event.externalId}\n${t.record.text}`),

    unsupported(writer: ConnectorWriter, reader: ConnectorReader) {
      if (writer.engagement && reader.engagement) return null;
      return {
        code: 'capability_missing',
        message: `Raize cannot ${spec.action} on ${writer.platform} yet (no engagement connector for it)`,
      };
    },

    async call(writer, cred, t, input, opts) {
      const out = await spec.call(writer.engagement!, cred, t, input.idempotencyKey, opts);
      return { post: asPost(out.item), requestId: out.requestId ?? null, replayed: out.replayed };
    },

    async reconcile(reader, cred, t, q, opts) {
      const found = await spec.find(reader.engagement!, cred, t, q, opts);
      if ('ambiguous' in found) return { ambiguous: found.ambiguous.map(asPost) };
      return { found: found.found ? asPost(found.found) : null };
    },

    async readBack(reader, cred, made, t, opts) {
      const item = await spec.readBack(reader.engagement!, cred, made, t, opts);
      if (!item) return null;
      const post = asPost(item);
      itemOf.set(post, item);
      return post;
    },

    verifies(readBack, t) {
      const item = itemOf.get(readBack);
      return item !== undefined && spec.verifies(item, t);
    },

    async record(m, t, input, r) {
      const item = r.readBack ? itemOf.get(r.readBack) : undefined;
      const reasons: Reason[] = r.verified
        ? []
        : [{ code: 'unverified', message: `the ${spec.action} could not be read back from the platform` }];
      await replies.settle(m, {
        id: t.record.id,
        clientId: t.clientId,
        platformReplyId: r.post.postId,
        reasons,
        proof: {
          response: r.post.raw,
          requestId: r.requestId,
          replayed: r.replayed,
          reconciled: r.reconciled,
          verified: r.verified,
          readBack: item
            ? {
                id: item.id,
                authorExternalId: item.authorExternalId,
                hidden: item.hidden,
                likedByMe: item.likedByMe,
                at: new Date().toISOString(),
              }
            : null,
        },
      });
      const data = { platformId: r.post.postId, inboundEventId: input.inboundEventId, reconciled: r.reconciled };
      const event = { agencyId: t.agencyId, clientId: t.clientId, actor: r.actor, subjectType: 'engagement_reply' };
      await audit.append({ ...event, action: AUDIT_OF[spec.action], subjectId: t.record.id, data }, m);
      if (!r.verified)
        await audit.append({ ...event, action: 'engagement.unverified', subjectId: t.record.id, data }, m);
    },
  };
}
