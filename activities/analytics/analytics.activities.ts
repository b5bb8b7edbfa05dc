import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { PostDayReading } from '../../services/core/analytics/analytics.repository';
import { AnalyticsRepository } from '../../services/core/analytics/analytics.repository';
import { recordFailure, recordSuccess } from '../../services/core/connector-health/account-health.service';
import { ConnectorError } from '../../services/core/connectors/connector.errors';
import type {
  AccountMetrics,
  MetricsReader,
  PostMetrics,
} from '../../services/core/connectors/connector-metrics.types';
import type {
  CallOptions,
  ConnectorCredential,
  ConnectorSettings,
} from '../../services/core/connectors/connector.types';
import { platformDescriptor } from '../../services/core/connectors/platform-registry';
import { PlatformAccount, PublishJob } from '../../services/core/database/entities';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import { withoutDatabaseConnection } from '../../services/core/tenancy/tenant-scope';
import type {
  AccountCollectInput,
  AccountCollectResult,
  AnalyticsInput,
  AnalyticsPlan,
  PostsCollectInput,
  PostsCollectResult,
} from '../../workflows/contracts/analytics.contract';
import {
  ANALYTICS_MAX_POSTS,
  ANALYTICS_POST_WINDOW_DAYS,
  ANALYTICS_STOP,
} from '../../workflows/contracts/analytics.contract';
import type { HealthSignal } from '../../workflows/contracts/vocabulary/health-signals';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import { retryAfter } from '../guard/guard.errors';
import type { NeedsReconnectDeps } from '../tokens/mark-needs-reconnect';
import { markNeedsReconnect } from '../tokens/mark-needs-reconnect';
import { scopedActivities } from '../scoped-activities';

export interface AnalyticsDeps extends NeedsReconnectDeps {
  ds: DataSource;
  credentialStore: CredentialStore;
  connectorSettings: ConnectorSettings;
  /** a platform's metrics reader; default: its descriptor's reader with this process's settings (absent: none) */
  metricsFor?: (platform: string) => MetricsReader | undefined;
  now?: () => Date;
}

/** The platform refused the token itself: the account needs a human to reconnect it. Other auth refusals do not. */
const TOKEN_SIGNALS: readonly (HealthSignal | undefined)[] = [
  undefined,
  'token_revoked',
  'token_expired',
  'refresh_expired',
  'reconsent_due',
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function defaultMetrics(settings: ConnectorSettings): (platform: string) => MetricsReader | undefined {
  const readers = new Map<string, MetricsReader | undefined>();
  return (platform) => {
    if (!readers.has(platform)) {
      const s = isPlatformId(platform) ? settings[platform] : undefined;
      readers.set(
        platform,
        s && isPlatformId(platform) ? platformDescriptor(platform).createReader(s).metrics : undefined,
      );
    }
    return readers.get(platform);
  };
}

/** The activity's cancellation and heartbeat; nothing outside an activity (a test calling the function directly). */
function callOptions(): CallOptions {
  try {
    const ctx = Context.current();
    return { signal: ctx.cancellationSignal, onProgress: () => ctx.heartbeat() };
  } catch {
    return {};
  }
}

const hasFigure = (m: AccountMetrics | PostMetrics) => Object.values(m).some((v) => v !== null);

/**
 * The analytics episode's activities, each in the account's client scope (C-01). Platform calls are reads: no guard,
 * no ledger; the credential is read from the secrets backend at the moment of use, as the other read paths do, and
 * no pooled connection is held while a platform answers.
 */
export function createAnalyticsActivities(deps: AnalyticsDeps) {
  const repo = new AnalyticsRepository();
  const now = deps.now ?? (() => new Date());
  const metricsFor = deps.metricsFor ?? defaultMetrics(deps.connectorSettings);

  async function liveAccount(m: EntityManager, input: AnalyticsInput) {
    const account = await m.findOne(PlatformAccount, {
      where: { id: input.platformAccountId, clientId: input.clientId },
    });
    if (!account || account.status !== 'connected' || !account.credentialRefId) return null;
    const metrics = metricsFor(account.platform);
    return metrics ? { account, credentialRefId: account.credentialRefId, metrics } : null;
  }

  async function credential(m: EntityManager, clientId: string, credentialRefId: string): Promise<ConnectorCredential> {
    const tokens = await deps.credentialStore.loadOAuthTokens(m, clientId, credentialRefId);
    return { accessToken: tokens.accessToken };
  }

  /**
   * What a connector error means for the run: a refused token marks the account needs_reconnect (the token workflow
   * and the guard do the same) and stops the run; a rate limit waits exactly as long as the platform asked (C-52);
   * an outage or a lost answer retries; anything else fails this read only. Each is kept for the health centre.
   */
  async function classify(account: PlatformAccount, err: unknown): Promise<'stopped' | 'failed'> {
    if (!(err instanceof ConnectorError)) throw err;
    await deps.ds.transaction((m) => recordFailure(m, account, err, now())).catch(() => undefined);
    if (err.kind === 'auth' && TOKEN_SIGNALS.includes(err.details.health)) {
      const signal = err.details.health ?? 'token_revoked';
      await deps.ds.transaction((m) =>
        markNeedsReconnect(m, deps, account, signal, { actor: 'system:analytics', now: now() }),
      );
      return 'stopped';
    }
    if (err.kind === 'rate_limited')
      throw retryAfter(FAILURE_TYPES.rateLimited, err.message, err.details.retryAfterSeconds ?? 60);
    if (err.kind === 'transient' || err.kind === 'outcome_unknown')
      throw ApplicationFailure.create({ type: FAILURE_TYPES.transient, message: err.message });
    return 'failed';
  }

  return scopedActivities(deps.ds, {
    async planAnalytics(input: AnalyticsInput): Promise<AnalyticsPlan> {
      if (input.day !== undefined && !DAY.test(input.day))
        throw ApplicationFailure.create({ message: 'day must be YYYY-MM-DD', nonRetryable: true });
      const at = now();
      const day = input.day ?? at.toISOString().slice(0, 10);
      const m = deps.ds.manager;
      const account = await m.findOne(PlatformAccount, {
        where: { id: input.platformAccountId, clientId: input.clientId },
      });
      if (!account || account.status !== 'connected' || !account.credentialRefId)
        return { day, skipped: 'account_not_live', posts: [] };
      if (!metricsFor(account.platform)) return { day, skipped: 'no_metrics_reader', posts: [] };
      const since = new Date(at.getTime() - ANALYTICS_POST_WINDOW_DAYS * 86_400_000);
      const posts = await repo.postsToCollect(m, {
        clientId: input.clientId,
        platformAccountId: account.id,
        since,
        limit: ANALYTICS_MAX_POSTS,
      });
      return { day, posts: posts.map((p) => ({ publishJobId: p.publishJobId, platformPostId: p.platformPostId })) };
    },

    async collectAccountMetrics(input: AccountCollectInput): Promise<AccountCollectResult> {
      const m = deps.ds.manager;
      const live = await liveAccount(m, input);
      if (!live) return { account: 'not_given' };
      const { account, metrics } = live;
      const cred = await credential(m, input.clientId, live.credentialRefId);
      let figures: AccountMetrics;
      try {
        const opts = { ...callOptions(), day: input.day };
        figures = await withoutDatabaseConnection(() => metrics.account(cred, opts));
      } catch (err) {
        if ((await classify(account, err)) === 'stopped') return { account: 'failed', stopped: ANALYTICS_STOP };
        return { account: 'failed' };
      }
      await deps.ds.transaction((t) => recordSuccess(t, account, now())).catch(() => undefined);
      if (!hasFigure(figures)) return { account: 'not_given' };
      await repo.upsertAccountDay(m, {
        agencyId: account.agencyId,
        clientId: account.clientId,
        platformAccountId: account.id,
        day: input.day,
        collectedAt: now(),
        ...figures,
      });
      return { account: 'stored' };
    },

    async collectPostMetrics(input: PostsCollectInput): Promise<PostsCollectResult> {
      const m = deps.ds.manager;
      const result: PostsCollectResult = { stored: 0, notGiven: 0, failed: 0 };
      const live = await liveAccount(m, input);
      if (!live || !input.posts.length) return { ...result, notGiven: input.posts.length };
      const { account, metrics } = live;
      // The platform post ids come from the jobs as stored, never from the input (C-05): a job of another account or
      // client is not read.
      const jobs = await m.find(PublishJob, {
        where: {
          id: In(input.posts.map((p) => p.publishJobId)),
          clientId: input.clientId,
          platformAccountId: account.id,
        },
      });
      const cred = await credential(m, input.clientId, live.credentialRefId);
      const opts = callOptions();
      const readings: PostDayReading[] = [];
      const save = async () => {
        if (readings.length) await repo.upsertPostDays(m, readings.splice(0));
      };
      for (const job of jobs) {
        if (!job.platformPostId) {
          result.notGiven++;
          continue;
        }
        const postId = job.platformPostId;
        let figures: PostMetrics | null;
        try {
          figures = await withoutDatabaseConnection(() => metrics.post(cred, postId, opts));
        } catch (err) {
          // What was read before a stop or a retry is kept: the retried batch reads those posts again and upserts.
          await save();
          if ((await classify(account, err)) === 'stopped') return { ...result, stopped: ANALYTICS_STOP };
          result.failed++;
          continue;
        }
        opts.onProgress?.();
        if (!figures || !hasFigure(figures)) {
          result.notGiven++;
          continue;
        }
        readings.push({
          agencyId: account.agencyId,
          clientId: account.clientId,
          platformAccountId: account.id,
          publishJobId: job.id,
          platformPostId: postId,
          day: input.day,
          collectedAt: now(),
          ...figures,
        });
        result.stored++;
      }
      result.notGiven += input.posts.length - jobs.length;
      await save();
      if (result.stored) await deps.ds.transaction((t) => recordSuccess(t, account, now())).catch(() => undefined);
      return result;
    },
  });
}

export type AnalyticsActivities = ReturnType<typeof createAnalyticsActivities>;
