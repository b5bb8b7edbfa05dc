import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { ConnectorSettings } from '../../services/core/connectors/connector.types';
import { PlatformAccount } from '../../services/core/database/entities';
import { InboundEventsRepository, viaManager } from '../../services/core/engagement/inbound-events.repository';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import { withoutDatabaseConnection } from '../../services/core/tenancy/tenant-scope';
import type { IngestPollInput, IngestPollResult } from '../../workflows/contracts/ingest-poll.contract';
import { scopedActivities } from '../scoped-activities';
import type { CommentSource } from './comment-source';
import { sandboxCommentSource } from './sandbox-comment.source';

export interface IngestPollDeps {
  ds: DataSource;
  credentialStore: CredentialStore;
  connectorSettings: ConnectorSettings;
  /** per platform; by default the platforms that have a comment listing (the sandbox today) */
  sources?: Partial<Record<string, CommentSource>>;
  now?: () => number;
}

/**
 * The cursor is the time the previous poll started, and the next poll reads from a little before it: a comment
 * written while a poll ran, or stamped by a platform clock slightly behind ours, is read again rather than missed.
 * The dedupe on the comment id makes reading twice free.
 */
const OVERLAP_MS = 2 * 60 * 1000;
/** An account's first poll reads a day back: older comments predate Raize answering for it. */
const FIRST_POLL_MS = 24 * 3600 * 1000;

function defaultSources(settings: ConnectorSettings | undefined): Partial<Record<string, CommentSource>> {
  return settings?.sandbox ? { sandbox: sandboxCommentSource(settings.sandbox) } : {};
}

/** The polling ingest's one activity, run in the account's client scope (C-01). */
export function createIngestPollActivities(deps: IngestPollDeps) {
  const repo = new InboundEventsRepository();
  const now = deps.now ?? Date.now;
  const sources = deps.sources ?? defaultSources(deps.connectorSettings);
  return scopedActivities(deps.ds, {
    async pollAccountComments(input: IngestPollInput): Promise<IngestPollResult> {
      const m = deps.ds.manager;
      const account = await m.findOne(PlatformAccount, {
        where: { id: input.platformAccountId, clientId: input.clientId },
      });
      if (!account || account.status !== 'connected' || !account.credentialRefId)
        return { seen: 0, stored: 0, skipped: 'account_not_live' };
      const source = sources[account.platform];
      if (!source) return { seen: 0, stored: 0, skipped: 'no_poll_source' };
      const startedAt = now();
      const cursor = await repo.readPollCursor(m, account.id);
      const since = new Date(cursor ? Date.parse(cursor) - OVERLAP_MS : startedAt - FIRST_POLL_MS);
      const tokens = await deps.credentialStore.loadOAuthTokens(m, input.clientId, account.credentialRefId);
      const ctx = Context.current();
      // No pooled connection is held while the platform answers.
      const events = await withoutDatabaseConnection(() =>
        source.commentsSince({
          cred: { accessToken: tokens.accessToken },
          externalAccountId: account.externalAccountId,
          since,
          signal: ctx.cancellationSignal,
          onProgress: () => ctx.heartbeat(),
        }),
      );
      const stored = await repo.store(viaManager(m), events);
      await repo.writePollCursor(m, {
        agencyId: account.agencyId,
        clientId: account.clientId,
        platformAccountId: account.id,
        cursor: new Date(startedAt).toISOString(),
      });
      return { seen: events.length, stored };
    },
  });
}

export type IngestPollActivities = ReturnType<typeof createIngestPollActivities>;
