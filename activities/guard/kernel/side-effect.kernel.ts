import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from 'typeorm';
import { ConnectorError } from '../../../services/core/connectors/connector.errors';
import type { PlatformPost, PlatformUsage, ResumeState } from '../../../services/core/connectors/connector.types';
import type { PolicyDecision, TaskClass } from '../../../services/core/policy/policy.types';
import { KillSwitchRepository } from '../../../services/core/repositories/kill-switch.repository';
import type { SideEffectCounters } from '../../../services/core/repositories/side-effect-counters.repository';
import { SideEffectCountersRepository } from '../../../services/core/repositories/side-effect-counters.repository';
import { PlatformUsageRepository } from '../../../services/core/repositories/platform-usage.repository';
import type { LedgerResult } from '../../../services/core/database/entities';
import type { LedgerClaim } from '../../../services/core/repositories/side-effect-ledger.repository';
import { SideEffectLedgerRepository } from '../../../services/core/repositories/side-effect-ledger.repository';
import { logger } from '../../../services/core/telemetry/logger';
import { recordGuardDecision } from '../../../services/core/metrics/record-metrics';
import { withSpan } from '../../../services/core/telemetry/tracing';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import { FAILURE_TYPES } from '../../../workflows/contracts/vocabulary/failure-types';
import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import { dispositionFor } from '../../../workflows/contracts/vocabulary/reason-codes';
import { recordFailure, recordSuccess } from '../../../services/core/connector-health/account-health.service';
import { markNeedsReconnect } from '../../tokens/mark-needs-reconnect';
import type { GuardDeps } from '../guard.deps';
import { apiOnlyLanes } from '../publish-lanes/lane-resolver';
import { browserPolicyFacts } from '../publish-lanes/browser-facts';
import { BrowserLaneStop } from '../../../services/core/browser/browser-driver.port';
import { retryAfter, toActivityFailure } from '../guard.errors';
import type { AttemptContext } from './call-context';
import { attemptContext } from './call-context';
import { startOfLocalDay, startOfLocalMonth } from './local-day';
import { capScopes, hasCooldown, hasSpendCap } from './cap-scopes';
import { pacingDelaySeconds } from './pacing';
import { decide, NO_COUNTERS } from './policy-decision';
import { findOurPost } from './reconcile.step';
import { kernelStep, stepTransaction } from './kernel-step';
import { switchToHumanReviewOnSpike } from './spike-review';
import { taskClassOf } from './task-class';
import type { EffectClaim, EffectFacts, EffectTarget, SideEffectAdapter } from './side-effect.adapter';

export type SideEffectOutcome =
  | { kind: 'done'; postId: string; url: string; verified: boolean; reconciled: boolean }
  | { kind: 'denied'; reasons: Reason[] }
  | { kind: 'fingerprint_mismatch'; reasons: Reason[] }
  | { kind: 'refused'; reasons: Reason[] };

type FirstStep<T> =
  { settled: LedgerResult } | { target: T; facts: EffectFacts; decision: { allow: boolean; reasons: Reason[] } };

type ClaimStep =
  { kind: 'denied'; reasons: Reason[] } | { kind: 'paced'; seconds: number } | { kind: 'claimed'; claim: LedgerClaim };

/**
 * The one path to a side effect (C-17), for every action, on every attempt including retries:
 * tenant claim → policy decision → fingerprint → ledger claim (with the policy asked again under the account's
 * lock) → reconcile when an earlier outcome is unknown → the call → read-back → proof and audit.
 * It never names an action: each action's specifics come from its adapter (`effects/<action>.effect.ts`).
 */
export class SideEffectKernel {
  private readonly ledger = new SideEffectLedgerRepository();
  private readonly counters = new SideEffectCountersRepository();
  private readonly switches = new KillSwitchRepository();
  private readonly usage = new PlatformUsageRepository();

  /**
   * `taskClass`: the lane these activities are built for (default publish); the policy allows each class only its
   * own actions (C-30), and a running activity is judged by the lane its task queue belongs to (task-class.ts).
   */
  constructor(
    private readonly deps: GuardDeps,
    private readonly opts: { taskClass?: TaskClass } = {},
  ) {}

  private taskClass(): TaskClass {
    return taskClassOf(this.opts.taskClass ?? 'publish');
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The counters plus the client's spend this month on the account's platform, when a spend cap needs it. */
  private async withSpend(
    m: EntityManager,
    t: EffectTarget,
    counters: SideEffectCounters,
    now: Date,
  ): Promise<SideEffectCounters> {
    if (!hasSpendCap(t.settings, t.account.platform)) return counters;
    const spent = await this.usage.clientTotalSince(m, {
      clientId: t.clientId,
      platform: t.account.platform,
      unit: 'usd_micros',
      since: startOfLocalMonth(now, t.client.timezone),
    });
    return { ...counters, platform_spend_month_usd_micros: spent };
  }

  /** What the policy would say about this action now, ignoring counters and switches: "needs approval? why?". */
  async preview<I extends EffectClaim, T extends EffectTarget>(
    adapter: SideEffectAdapter<I, T>,
    input: I,
  ): Promise<PolicyDecision> {
    const now = this.now();
    return this.deps.ds.transaction(async (m) => {
      const target = await adapter.load(m, input);
      target.browserProfile = await browserPolicyFacts(m, target);
      const facts = await adapter.facts(m, target, input);
      return decide(this.deps.policy, {
        action: adapter.action,
        taskClass: this.taskClass(),
        now,
        target,
        facts,
        counters: await this.withSpend(m, target, NO_COUNTERS, now),
        killSwitches: [],
      });
    });
  }

  async run<I extends EffectClaim, T extends EffectTarget>(
    adapter: SideEffectAdapter<I, T>,
    input: I,
  ): Promise<SideEffectOutcome> {
    const span = {
      'raize.agency_id': input.agencyId,
      'raize.client_id': input.clientId,
      'raize.account_id': input.platformAccountId,
      'raize.workflow_id': input.workflowId,
      'raize.action': adapter.action,
    };
    return withSpan(`guard.${adapter.action}`, span, async (set) => {
      const attempt = attemptContext(input.workflowId);
      const outcome = await attempt.keepAlive(this.attempt(adapter, input, attempt));
      const fields = {
        'raize.client_id': input.clientId,
        'raize.workflow_id': input.workflowId,
        'raize.action': adapter.action,
        'raize.outcome': outcome.kind,
        'raize.reasons': outcome.kind === 'done' ? [] : outcome.reasons.map((r) => r.code),
      };
      set(fields);
      logger.info(fields, 'guarded side effect');
      recordGuardDecision({ action: adapter.action, outcome: outcome.kind, reasons: fields['raize.reasons'] });
      return outcome;
    });
  }

  private async attempt<I extends EffectClaim, T extends EffectTarget>(
    adapter: SideEffectAdapter<I, T>,
    input: I,
    attempt: AttemptContext,
  ): Promise<SideEffectOutcome> {
    const { ds, policy } = this.deps;
    const actor = `workflow:${input.workflowId}`;
    const taskClass = this.taskClass();
    const audit = (m: EntityManager | undefined, action: AuditAction, data: Record<string, unknown>) =>
      this.deps.audit.append(
        {
          agencyId: input.agencyId,
          clientId: input.clientId,
          actor,
          action,
          subjectType: adapter.subjectType,
          subjectId: adapter.subjectId(input),
          data,
        },
        m,
      );

    const refuse = async (reason: Reason): Promise<SideEffectOutcome> => {
      await audit(undefined, 'guard.refused', { reasons: [reason] });
      return { kind: 'refused', reasons: [reason] };
    };

    const spikeSubject = (t: EffectTarget) => ({
      agencyId: t.agencyId,
      clientId: t.clientId,
      accountId: t.account.id,
      action: adapter.action,
      actor,
    });

    const switchesFor = (m: EntityManager, t: EffectTarget) =>
      this.switches.engagedFor(m, { agencyId: t.agencyId, clientId: t.clientId, accountId: t.account.id });
    const countersAt = (m: EntityManager, t: EffectTarget, now: Date, dayStart: Date) =>
      this.counters.count(m, {
        clientId: t.clientId,
        accountId: t.account.id,
        action: adapter.action,
        dayStart,
        now,
        ownKey: input.idempotencyKey,
        scopes: capScopes(t.settings, adapter.action),
      });

    // 1. Tenant claim, and 2. a first policy decision, in one transaction (one round of queries).
    const startedAt = this.now();
    const first = await stepTransaction('claim', ds, async (m): Promise<FirstStep<T>> => {
      const target = await adapter.load(m, input);
      target.browserProfile = await browserPolicyFacts(m, target);
      // Already out (an attempt whose answer was lost after it settled): report it. Asking the policy again could
      // pause a post that is published, and `onStart` would record `publishing` over its final status.
      const settled = await this.ledger.settled(m, { ...input, action: adapter.action });
      if (settled) return { settled };
      const facts = await adapter.facts(m, target, input);
      // Counters are authoritative only under the claim's lock (step 4). They are read here too only when a
      // cooldown could pause the post, so a paused post asking again does not record `publishing` each time;
      // caps and spikes end or hold the episode once, from the claim.
      const counters = await this.withSpend(
        m,
        target,
        hasCooldown(target.settings, adapter.action)
          ? await countersAt(m, target, startedAt, startOfLocalDay(startedAt, target.client.timezone))
          : NO_COUNTERS,
        startedAt,
      );
      const killSwitches = await switchesFor(m, target);
      const decision = decide(policy, {
        action: adapter.action,
        taskClass,
        now: startedAt,
        target,
        facts,
        counters,
        killSwitches,
      });
      if (!decision.allow) {
        await audit(m, 'guard.denied', { reasons: decision.reasons });
        await switchToHumanReviewOnSpike(m, this.deps, { ...spikeSubject(target), reasons: decision.reasons });
      } else if (adapter.onStart) await adapter.onStart(m, target, input, actor);
      return { target, facts, decision };
    });
    if ('settled' in first) {
      const r = first.settled;
      return { kind: 'done', postId: r.postId, url: r.url, verified: r.verified, reconciled: true };
    }
    if (!first.decision.allow) return { kind: 'denied', reasons: first.decision.reasons };
    const { target, facts } = first;

    const platform = target.account.platform;
    if (!isPlatformId(platform)) return refuse({ code: 'no_connector', message: `no connector for ${platform}` });
    const lanes = this.deps.lanes ?? apiOnlyLanes(this.deps);
    const opened = await lanes.open(target, { action: adapter.action, actor, opts: attempt.call });
    if ('refused' in opened) {
      // A lane that cannot open yet (no runner alive, a profile to re-attach) holds the post; anything else ends it.
      if (dispositionFor([opened.refused]) !== 'pause') return refuse(opened.refused);
      await audit(undefined, 'guard.denied', { reasons: [opened.refused], at: 'lane' });
      return { kind: 'denied', reasons: [opened.refused] };
    }
    const lane = opened;
    const { reader, writer, cred } = lane;
    const timing = this.deps.platforms.timing(platform);
    const unsupported = adapter.unsupported?.(writer, reader);
    if (unsupported) {
      await lane.close();
      return refuse(unsupported);
    }
    const fingerprint = adapter.contentFingerprint(target);

    try {
      // 3. Fingerprint assertion (C-19), or the page's identity against the signed manifest (C-41).
      const fp = await kernelStep('fingerprint', () => lane.assertIdentity(actor, attempt.call));
      if (!fp.ok) {
        const reasons = [
          {
            code: 'fingerprint_mismatch',
            message: 'the token now resolves to another account; the account is quarantined',
          },
        ];
        await audit(undefined, 'guard.fingerprint_mismatch', { reasons });
        return { kind: 'fingerprint_mismatch', reasons };
      }

      // 4. The claim: under the (account, action, day) lock, re-read the switches and the counters (in-flight
      // attempts included), ask the policy again, pace, and only then take the ledger lease (C-20, C-22, C-25).
      const step = await stepTransaction('ledger_claim', ds, async (m): Promise<ClaimStep> => {
        const now = this.now();
        const dayStart = startOfLocalDay(now, target.client.timezone);
        await this.counters.lockAccountDay(m, { accountId: target.account.id, action: adapter.action, dayStart });
        // A profile turned read-only since step 1 (drift seen by another attempt, an Admin) holds this one too.
        target.browserProfile = await browserPolicyFacts(m, target);
        const killSwitches = await switchesFor(m, target);
        const counters = await this.withSpend(m, target, await countersAt(m, target, now, dayStart), now);
        const decision = decide(policy, {
          action: adapter.action,
          taskClass,
          now,
          target,
          facts,
          counters,
          killSwitches,
        });
        if (!decision.allow) {
          await audit(m, 'guard.denied', { reasons: decision.reasons, at: 'claim' });
          await switchToHumanReviewOnSpike(m, this.deps, { ...spikeSubject(target), reasons: decision.reasons });
          return { kind: 'denied', reasons: decision.reasons };
        }
        const pace = pacingDelaySeconds(counters.seconds_since_last, timing.pacing, this.deps.random ?? Math.random);
        if (pace > 0) return { kind: 'paced', seconds: pace };
        const claim = await this.ledger.claim(
          m,
          {
            idempotencyKey: input.idempotencyKey,
            agencyId: input.agencyId,
            clientId: input.clientId,
            platformAccountId: input.platformAccountId,
            action: adapter.action,
            contentFingerprint: fingerprint,
          },
          attempt.owner,
          now,
          new Date(now.getTime() + attempt.leaseMs),
        );
        return { kind: 'claimed', claim };
      });
      if (step.kind === 'denied') return { kind: 'denied', reasons: step.reasons };
      if (step.kind === 'paced')
        throw retryAfter(FAILURE_TYPES.paced, 'pacing: the account posted moments ago', step.seconds);
      const claim = step.claim;
      if (claim.state === 'foreign') {
        throw ApplicationFailure.create({
          type: FAILURE_TYPES.ledgerTenantRefused,
          message: 'the idempotency key belongs to another tenant or account',
          nonRetryable: true,
        });
      }
      if (claim.state === 'held') {
        throw retryAfter(
          FAILURE_TYPES.leaseHeld,
          'another attempt holds this side effect',
          (claim.leaseExpiresAt.getTime() - this.now().getTime()) / 1000,
        );
      }
      if (claim.state === 'succeeded') {
        return {
          kind: 'done',
          postId: claim.result.postId,
          url: claim.result.url,
          verified: claim.result.verified,
          reconciled: true,
        };
      }

      let post: PlatformPost | null = null;
      let reconciled = false;
      let requestId: string | null = null;
      let replayed = false;
      let usage: PlatformUsage[] = [];
      let warnings: string[] = [];
      if (claim.state === 'uncertain') {
        // An earlier attempt may have landed without us hearing back, or may still be processing: look, more than
        // once, and post again only after the platform's processing window (the slow-platform double post).
        const settledAt = claim.unknownSince.getTime() + timing.settleSeconds * 1000;
        const found = await stepTransaction('reconcile', ds, (m) =>
          adapter.reconcile
            ? adapter.reconcile(
                reader,
                cred,
                target,
                { idempotencyKey: input.idempotencyKey, firstAttemptAt: claim.firstAttemptAt },
                attempt.call,
              )
            : findOurPost(
                m,
                this.ledger,
                reader,
                cred,
                {
                  idempotencyKey: input.idempotencyKey,
                  platformAccountId: input.platformAccountId,
                  action: adapter.action,
                  fingerprint: claim.contentFingerprint,
                  since: new Date(Math.min(target.createdAt.getTime(), claim.firstAttemptAt.getTime())),
                  firstAttemptAt: claim.firstAttemptAt,
                  maxPages: Math.max(1, timing.maxCallsPerAttempt - 3),
                },
                attempt.call,
              ),
        );
        if ('ambiguous' in found) {
          await audit(undefined, 'guard.reconciled', {
            outcome: 'ambiguous',
            candidates: found.ambiguous.map((p) => p.postId),
          });
          throw ApplicationFailure.create({
            type: FAILURE_TYPES.reconcileAmbiguous,
            message: `${found.ambiguous.length} posts on the account could be this one; an operator must decide`,
            nonRetryable: true,
          });
        }
        if (found.found) {
          post = found.found;
          reconciled = true;
          await audit(undefined, 'guard.reconciled', {
            outcome: 'found',
            postId: post.postId,
            byRequestKey: post.requestKey !== null,
          });
        } else {
          const looks = await ds.transaction((m) => this.ledger.noteLook(m, input.idempotencyKey));
          const now = this.now().getTime();
          if (now < settledAt) {
            throw retryAfter(
              FAILURE_TYPES.settling,
              'an earlier attempt may still be processing on the platform',
              (settledAt - now) / 1000,
            );
          }
          if (looks < timing.reconcileLooks) {
            throw retryAfter(
              FAILURE_TYPES.settling,
              'looking once more for an earlier attempt',
              Math.max(1, timing.settleSeconds / timing.reconcileLooks),
            );
          }
        }
      }

      if (!post) {
        // 5. The call, carrying the platform idempotency key.
        try {
          const resume: ResumeState = {
            get: () => ds.transaction((m) => this.ledger.resume(m, input.idempotencyKey)),
            put: (values) =>
              ds.transaction((m) => this.ledger.putResume(m, input.idempotencyKey, attempt.owner, values)),
          };
          const result = await kernelStep('call', () =>
            adapter.call(writer, cred, target, input, { ...attempt.call, resume }),
          );
          // A lane stop is known before any click (C-43): nothing was sent, so the claim is released below.
          post = result.post;
          requestId = result.requestId;
          replayed = result.replayed;
          usage = result.usage ?? [];
          warnings = result.warnings ?? [];
        } catch (err) {
          const known =
            (err instanceof ConnectorError && err.kind !== 'outcome_unknown') || err instanceof BrowserLaneStop;
          await ds.transaction((m) =>
            known
              ? this.ledger.release(m, input.idempotencyKey, attempt.owner)
              : this.ledger.markUnknown(m, input.idempotencyKey, attempt.owner, this.now()),
          );
          throw err;
        }
      }

      // 6. Verification: read the post back (C-24).
      let readBack: PlatformPost | null = null;
      let verified = false;
      try {
        const written = post;
        readBack = await kernelStep('read_back', () =>
          adapter.readBack
            ? adapter.readBack(reader, cred, written, target, attempt.call)
            : reader.readPost(cred, written.postId, attempt.call),
        );
        verified = readBack !== null && adapter.verifies(readBack, target);
      } catch {
        verified = false;
      }

      // 7. Ledger, proof, status and audit commit together.
      // Some platforms answer a write with an id only (Instagram's media_publish): the read-back has the link.
      const done = !post.url && verified && readBack?.url ? { ...post, url: readBack.url } : post;
      try {
        await stepTransaction('record', ds, async (m) => {
          await this.ledger.settle(m, input.idempotencyKey, { postId: done.postId, url: done.url, verified });
          await adapter.record(m, target, input, {
            post: done,
            verified,
            reconciled,
            requestId,
            replayed,
            readBack,
            actor,
            usage,
            warnings,
            laneProof: lane.proof(),
          });
        });
      } catch (err) {
        // The post is out but unrecorded: the next attempt must find it, not post again.
        await ds
          .transaction((m) => this.ledger.markUnknown(m, input.idempotencyKey, attempt.owner, this.now()))
          .catch(() => undefined);
        throw err;
      }
      // The health centre's "last successful call": bookkeeping, never a reason to doubt a recorded post.
      await ds.transaction((m) => recordSuccess(m, target.account, this.now())).catch(() => undefined);
      return { kind: 'done', postId: done.postId, url: done.url, verified, reconciled };
    } catch (err) {
      const stopped = await lanes.stopped?.(err, target, actor);
      if (stopped) {
        await audit(undefined, 'guard.denied', { reasons: [stopped], at: 'browser' });
        return stopped.code === 'fingerprint_mismatch'
          ? { kind: 'fingerprint_mismatch', reasons: [stopped] }
          : { kind: 'denied', reasons: [stopped] };
      }
      // The health centre keeps the newest errors in an operator's words, with what to do next.
      if (err instanceof ConnectorError)
        await ds.transaction((m) => recordFailure(m, target.account, err, this.now())).catch(() => undefined);
      if (err instanceof ConnectorError && err.kind === 'auth') {
        // The platform refused the token for good: the account needs a human to reconnect it. Its posts pause
        // (account_needs_reconnect) instead of failing, and the operator is alerted once, not once per post.
        if (lane.credentialRefId) this.deps.credentials.forget(target.clientId, lane.credentialRefId);
        const signal = err.details.health ?? 'token_revoked';
        await ds
          .transaction((m) => markNeedsReconnect(m, this.deps, target.account, signal, { actor }))
          .catch(() => undefined);
        await audit(undefined, 'guard.connector_error', { kind: err.kind, status: err.details.status ?? null }).catch(
          () => undefined,
        );
        const reasons = [
          {
            code: 'account_needs_reconnect',
            message: `the platform refused the account's token (${signal}); reconnect it`,
          },
        ];
        return { kind: 'denied', reasons };
      }
      if (err instanceof ConnectorError) {
        await audit(undefined, 'guard.connector_error', {
          kind: err.kind,
          status: err.details.status ?? null,
          retryAfterSeconds: err.details.retryAfterSeconds ?? null,
        }).catch(() => undefined);
      }
      throw toActivityFailure(err);
    } finally {
      await lane.close().catch(() => undefined);
    }
  }
}
