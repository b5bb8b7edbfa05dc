import { PolicyDecision } from '../../services/core/policy/policy.types';
import { contentFingerprint } from '../../services/core/connectors/content-fingerprint';
import { ConnectorError } from '../../services/core/connectors/connector.errors';
import { PlatformPost, PublishOutcome } from '../../services/core/connectors/connector.types';
import { PublishJob, PublishProof } from '../../services/core/database/entities';
import { effectiveRole } from '../../services/core/tenancy/effective-role';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import { GuardedPublishInput, GuardedPublishOutcome } from '../../workflows/contracts/publish-activities.contract';
import { Reason } from '../../workflows/contracts/publish.contract';
import { engagedKillSwitches } from './engaged-kill-switches';
import { assertFingerprint } from './fingerprint.guard';
import { GuardDeps } from './guard.deps';
import { toActivityFailure } from './guard.errors';
import { IdempotencyLedger } from './idempotency-ledger';
import { loadPublishContext, PublishContext } from './publish-context';
import { buildPublishPolicyInput } from './publish-policy-input';
import { countSideEffects } from './side-effect-counters';
import { withSpan } from '../../services/core/telemetry/tracing';
import { logger } from '../../services/core/telemetry/logger';

/**
 * The one path to a publish (C-17), in the order product.md gives, on every attempt including retries:
 * tenant re-check → policy → fingerprint → idempotency → call → verification → proof and audit.
 */
export async function guardedPublish(deps: GuardDeps, input: GuardedPublishInput): Promise<GuardedPublishOutcome> {
  return withSpan('guard.publish', {
    'raize.agency_id': input.agencyId, 'raize.client_id': input.clientId, 'raize.account_id': input.platformAccountId,
    'raize.job_id': input.jobId, 'raize.workflow_id': input.workflowId, 'raize.action': 'publish',
  }, async (set) => {
    const outcome = await runGuard(deps, input);
    const fields = {
      'raize.client_id': input.clientId, 'raize.job_id': input.jobId, 'raize.workflow_id': input.workflowId,
      'raize.outcome': outcome.kind, 'raize.reasons': outcome.kind === 'published' ? [] : outcome.reasons.map((r) => r.code),
    };
    set(fields);
    logger.info(fields, 'guarded publish');
    return outcome;
  });
}

async function runGuard(deps: GuardDeps, input: GuardedPublishInput): Promise<GuardedPublishOutcome> {
  const now = deps.now?.() ?? new Date();
  const actor = `workflow:${input.workflowId}`;
  const audit = (action: string, data: Record<string, unknown>) =>
    deps.audit.append({ agencyId: input.agencyId, clientId: input.clientId, actor, action, subjectType: 'publish_job', subjectId: input.jobId, data });

  // 1. Tenant re-check.
  const ctx = await deps.ds.transaction((m) => loadPublishContext(m, input));

  // 2. Policy decision; deny, engine error or timeout: nothing is sent (C-18).
  const decision = await decide(deps, ctx, input, now);
  if (!decision.allow) {
    await audit('guard.denied', { reasons: decision.reasons });
    return { kind: 'denied', reasons: decision.reasons };
  }

  const reader = deps.readers.get(ctx.account.platform);
  const writer = deps.writers.get(ctx.account.platform);
  if (!reader || !writer || !ctx.account.credentialRefId) {
    const reasons = [{ code: 'no_connector', message: `no connector or credential for ${ctx.account.platform}` }];
    await audit('guard.refused', { reasons });
    return { kind: 'refused', reasons };
  }
  const tokens = await deps.credentials.loadOAuthTokens(deps.ds.manager, ctx.account.clientId, ctx.account.credentialRefId);
  const cred = { accessToken: tokens.accessToken };

  try {
    // 3. Fingerprint assertion (C-19).
    const fp = await assertFingerprint(deps, ctx.account, reader, cred, actor);
    if (!fp.ok) {
      const reasons = [{ code: 'fingerprint_mismatch', message: 'the token now resolves to another account; the account is quarantined' }];
      await audit('guard.fingerprint_mismatch', { reasons });
      return { kind: 'fingerprint_mismatch', reasons };
    }

    // 4. Idempotency (C-22).
    const content = { text: ctx.asset.text, media: [] };
    const fingerprint = contentFingerprint(content);
    const ledger = new IdempotencyLedger(deps.ds);
    const claim = await ledger.claim({
      idempotencyKey: input.idempotencyKey, agencyId: input.agencyId, clientId: input.clientId,
      platformAccountId: input.platformAccountId, action: 'publish', contentFingerprint: fingerprint,
    });
    if (claim.state === 'succeeded') {
      const r = claim.result;
      return { kind: 'published', postId: r.postId, url: r.url, verified: r.verified, reconciled: true };
    }

    let post: PlatformPost | null = null;
    let outcome: PublishOutcome | null = null;
    let reconciled = false;
    if (claim.state === 'uncertain') {
      // An earlier attempt may have landed without us hearing back: look before posting again, because
      // many platforms have no idempotency key.
      post = await reader.findRecentByFingerprint(cred, fingerprint, new Date(ctx.job.createdAt.getTime() - 60_000));
      reconciled = post !== null;
    }
    if (!post) {
      // 5. The call, carrying the platform idempotency key too.
      outcome = await writer.publish(cred, content, input.idempotencyKey);
      post = outcome.post;
    }

    // 6. Verification: read the post back (C-24).
    let verified = false;
    let readBack: PlatformPost | null = null;
    try {
      readBack = await reader.readPost(cred, post.postId);
      verified = readBack !== null && contentFingerprint({ text: readBack.text }) === fingerprint && readBack.authorExternalId === ctx.account.externalAccountId;
    } catch {
      verified = false;
    }
    const proof: PublishProof = {
      response: post.raw as PublishProof['response'], requestId: outcome?.requestId ?? null, replayed: outcome?.replayed ?? false, reconciled,
      readBack: readBack ? { postId: readBack.postId, url: readBack.url, authorExternalId: readBack.authorExternalId, at: new Date().toISOString() } : null,
    };
    await ledger.settle(input.idempotencyKey, { postId: post.postId, url: post.url, verified });
    // 7. Proof and audit, committed with the status change.
    await deps.ds.transaction(async (m) => {
      await m.update(PublishJob, { id: ctx.job.id, clientId: ctx.job.clientId }, {
        // Not yet read back: "published", not final; the workflow keeps verifying and settles verified/unverified.
        status: verified ? 'verified' : 'published', statusReasons: verified ? [] : [{ code: 'verifying', message: 'the post could not be read back yet; checking again' }],
        platformPostId: post!.postId, url: post!.url, proof, publishedAt: new Date(), verifiedAt: verified ? new Date() : null,
      });
      await deps.audit.append({ agencyId: input.agencyId, clientId: input.clientId, actor, action: 'post.published', subjectType: 'publish_job', subjectId: input.jobId, data: { postId: post!.postId, url: post!.url, reconciled, replayed: proof.replayed } }, m);
      await deps.audit.append({ agencyId: input.agencyId, clientId: input.clientId, actor, action: verified ? 'post.verified' : 'post.unverified', subjectType: 'publish_job', subjectId: input.jobId, data: { postId: post!.postId } }, m);
    });
    return { kind: 'published', postId: post.postId, url: post.url, verified, reconciled };
  } catch (err) {
    if (err instanceof ConnectorError) await audit('guard.connector_error', { kind: err.kind, status: err.details.status ?? null, retryAfterSeconds: err.details.retryAfterSeconds ?? null });
    throw toActivityFailure(err);
  }
}

async function decide(deps: GuardDeps, ctx: PublishContext, input: GuardedPublishInput, now: Date): Promise<PolicyDecision> {
  const m = deps.ds.manager;
  const counters = await countSideEffects(m, { clientId: ctx.job.clientId, accountId: ctx.account.id, action: 'publish', now });
  const killSwitches = await engagedKillSwitches(m, { agencyId: ctx.job.agencyId, clientId: ctx.job.clientId, accountId: ctx.account.id });
  const roles = new Map<string, string>();
  for (const a of ctx.approvals) roles.set(a.approverId, (await effectiveRole(m, a.approverId, ctx.job.agencyId, ctx.job.clientId)) ?? 'none');
  const policyInput = buildPublishPolicyInput(ctx, { now, scheduledAt: input.scheduledAt, counters, killSwitches, roles });
  const decision = deps.policy.decide(policyInput);
  const reasons: Reason[] = [...decision.reasons];
  // Content fixed at scheduling (C-23): a change needs an approval of the new content, whatever the autonomy.
  const current = assetChecksum(ctx.asset);
  if (current !== ctx.job.assetChecksum && !ctx.approvals.some((a) => a.assetChecksum === current)) {
    reasons.push({ code: 'content_changed', message: 'the content changed after scheduling; it needs a new approval' });
  }
  return { ...decision, allow: decision.allow && reasons.length === 0, reasons };
}
