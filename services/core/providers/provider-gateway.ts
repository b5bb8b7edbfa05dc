import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { ArtifactRef, ArtifactStore } from '../artifacts/artifact-store.port';
import type { AuditService } from '../audit/audit.service';
import { Client } from '../database/entities';
import type { PolicyEngine } from '../policy/policy-engine';
import type { SecretsPort } from '../secrets/secrets.port';
import { logger } from '../telemetry/logger';
import { recordProviderCall } from '../metrics/record-metrics';
import { clientScope } from '../tenancy/scope-for';
import {
  realDataSource,
  runInTenantScope,
  tenantScopedDataSource,
  withoutDatabaseConnection,
} from '../tenancy/tenant-scope';
import { NoProviderKeyError, ProviderKeyService } from './keys';
import type { AiCallResult, AiCallScope, AiWait, ProviderGateway } from './provider-gateway.port';
import { defaultProviderRegistry, type ProviderRegistry } from './provider-registry';
import {
  ProviderError,
  type MediaBytes,
  type ProviderCallContext,
  type ProviderCredential,
  type ProviderId,
  type ProviderKind,
  type ProviderUsage,
  type RenderJob,
  type RenderStatus,
} from './provider.types';
import { scrubSecrets } from './redaction';
import { realSleep, type RetryOptions } from './resilience/backoff';
import { callWithResilience, type ResilientOutcome } from './resilience/call-with-resilience';
import { CircuitBreakers, type BreakerOptions } from './resilience/circuit-breaker';
import { AiSettingsRepository } from './settings/ai-settings.repository';
import { AiUsageRepository } from './usage/ai-usage.repository';
import { checkBudget } from './usage/budget-check';
import { estimateAvatar, estimateImage, estimateText, estimateVideo, type CallEstimate } from './usage/estimate';
import { costOf } from './usage/price-table';
import { nextMonthStart, usageMonth } from './usage/usage-month';

export interface ProviderGatewayDeps {
  /** the app DataSource (row-level security applies); each call runs in the scope of its client */
  ds: DataSource;
  secrets: SecretsPort;
  policy: PolicyEngine;
  artifacts: ArtifactStore;
  audit: AuditService;
  /** default: the local provider only (defaultProviderRegistry()) */
  registry?: ProviderRegistry;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  baseUrls?: Partial<Record<ProviderId, string>>;
  retry?: Partial<Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>>;
  breaker?: Partial<BreakerOptions>;
  /** share one set of breakers between gateways of a process (default: this gateway's own) */
  breakers?: CircuitBreakers;
  timeoutsMs?: Partial<Record<ProviderKind, number>>;
  /** text longer than this goes to the artifact store; the step gets a summary and the reference */
  inlineTextMaxChars?: number;
  pollIntervalMs?: number;
  maxRenderWaitMs?: number;
  /** called while a render is polled (the activity heartbeats) */
  heartbeat?: () => void;
}

/**
 * Timeouts per kind. Text answers within a minute or something is wrong; an image takes up to two; a render call
 * (start or poll) is one HTTP exchange, the render itself is waited for by polling.
 */
const TIMEOUTS: Record<ProviderKind, number> = { text: 60_000, image: 120_000, video: 30_000, avatar: 30_000 };
/** Three attempts: a 429 or a blip passes within them; more would only delay the wait that resumes the episode. */
const RETRY = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 20_000 };
const BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 60_000 };
const SUMMARY_CHARS = 280;
const SAFE_MODEL = /^[A-Za-z0-9._:/-]{1,100}$/;

const scopeSchema = z.object({
  agencyId: z.string().uuid(),
  clientId: z.string().uuid(),
  stepId: z.string().min(1).max(200),
  stepKind: z.enum(['planner', 'creator', 'router', 'drafter', 'assistant']),
  depth: z.number().int().min(0).max(1000),
});

type Outcome = ResilientOutcome<{ model: string; usage: ProviderUsage; text?: string; media?: MediaBytes }>;

/** The one way to an AI provider (C-11, C-13, C-51); see ProviderGateway. */
export function createProviderGateway(deps: ProviderGatewayDeps): ProviderGateway {
  const ds = tenantScopedDataSource(realDataSource(deps.ds));
  const registry = deps.registry ?? defaultProviderRegistry();
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const breakerOpts = { ...BREAKER, ...deps.breaker };
  const breakers = deps.breakers ?? new CircuitBreakers(breakerOpts);
  const retry: RetryOptions = { ...RETRY, ...deps.retry, random: deps.random ?? Math.random, sleep };
  const resilience = { breakers, retry, now: () => now().getTime() };
  const keys = new ProviderKeyService({ ds, secrets: deps.secrets, audit: deps.audit });
  const settingsRepo = new AiSettingsRepository();
  const usageRepo = new AiUsageRepository();
  const timeoutOf = (kind: ProviderKind) => deps.timeoutsMs?.[kind] ?? TIMEOUTS[kind];

  async function call(
    kind: ProviderKind,
    rawScope: AiCallScope,
    available: (id: ProviderId) => boolean,
    estimate: (id: ProviderId) => CallEstimate,
    exec: (id: ProviderId, ctx: ProviderCallContext) => Promise<Outcome>,
  ): Promise<AiCallResult> {
    const scope = scopeSchema.parse(rawScope);
    return runInTenantScope(ds, await clientScope(ds, scope.clientId), async () => {
      const client = await ds.getRepository(Client).findOne({ where: { id: scope.clientId } });
      if (!client || client.agencyId !== scope.agencyId)
        throw new Error('the client of this AI call is not in its agency');
      const settings = await settingsRepo.effective(ds.manager, scope.clientId);
      const provider = settings.preferred[kind];
      if (!available(provider))
        return wait({ code: 'no_provider', message: `no ${kind} adapter for ${provider} in this process` });

      let credential: ProviderCredential;
      try {
        credential = await keys.resolve({ agencyId: scope.agencyId, clientId: scope.clientId, provider });
      } catch (err) {
        if (err instanceof NoProviderKeyError) return wait({ code: 'no_provider', message: err.message });
        throw err;
      }

      const startedAt = now();
      const month = usageMonth(startedAt, client.timezone);
      const est = estimate(provider);
      const stepSpend = await usageRepo.stepSpend(ds.manager, scope.clientId, scope.stepId, startedAt);
      const refused = checkBudget(deps.policy, {
        budgetMicros: settings.monthlyBudgetMicros,
        spentMicros: await usageRepo.monthSpend(ds.manager, scope.clientId, month),
        estimateMicros: est.costMicros,
        estimateTokens: est.tokens,
        contract: settings.contract,
        stepSpend: { ...stepSpend, depth: scope.depth },
        nextMonth: nextMonthStart(startedAt, client.timezone),
      });
      if (refused) {
        log('warn', kind, scope, provider, 'denied', `ai call denied (${refused.code}): ${provider} ${kind}`);
        return wait(refused);
      }

      const ctx: ProviderCallContext = {
        agencyId: scope.agencyId,
        clientId: scope.clientId,
        credential,
        timeoutMs: timeoutOf(kind),
        baseUrl: deps.baseUrls?.[provider],
      };
      // The vendor may take seconds to minutes: the scope's pooled connection goes back meanwhile.
      const outcome = await withoutDatabaseConnection(() => exec(provider, ctx));
      const durationMs = Math.max(0, now().getTime() - startedAt.getTime());
      const spent = outcome.ok ? outcome.value : { model: 'unnamed', usage: outcome.error.details.usage };
      recordProviderCall({
        provider,
        kind,
        outcome: outcome.ok ? 'ok' : outcome.error.failure,
        durationMs,
        costMicros: spent.usage ? costOf(provider, spent.model, spent.usage) : 0,
      });
      const row = (model: string, usage: ProviderUsage, ok: boolean) =>
        usageRepo.append(ds.manager, {
          agencyId: scope.agencyId,
          clientId: scope.clientId,
          provider,
          credentialRefId: credential.scope === 'local' ? null : credential.credentialRefId,
          stepId: scope.stepId,
          stepKind: scope.stepKind,
          depth: scope.depth,
          kind,
          model: SAFE_MODEL.test(model) ? model : 'unnamed',
          outcome: ok ? 'ok' : 'failed',
          inputTokens: usage.inputTokens ?? 0,
          outputTokens: usage.outputTokens ?? 0,
          images: usage.images ?? 0,
          videoSeconds: usage.videoSeconds ?? 0,
          costMicros: costOf(provider, model, usage),
          month,
          startedAt,
          durationMs,
        });

      if (!outcome.ok) {
        const billed = outcome.error.details.usage;
        if (billed) await row('unnamed', billed, false);
        const failure = outcomeToWait(outcome, credential, breakerOpts.cooldownMs, now());
        log(
          'warn',
          kind,
          scope,
          provider,
          outcome.error.failure,
          `ai call failed (${outcome.error.failure}) after ${outcome.attempts} attempt(s): ${provider} ${kind} ${durationMs} ms`,
        );
        return wait(failure);
      }

      const { model, usage } = outcome.value;
      const cost = costOf(provider, model, usage);
      await row(model, usage, true);
      log(
        'info',
        kind,
        scope,
        provider,
        'ok',
        `ai call ok: ${provider} ${kind} ${SAFE_MODEL.test(model) ? model : 'unnamed'}, ${(usage.inputTokens ?? 0) + (usage.outputTokens ?? 0)} tokens, ${cost} micro-USD, ${durationMs} ms, ${outcome.attempts} attempt(s)`,
      );
      const result: AiCallResult = { ok: true, provider, model, usage: { ...usage, costMicros: cost } };
      if (outcome.value.media) {
        result.artifact = await deps.artifacts.put({
          agencyId: scope.agencyId,
          clientId: scope.clientId,
          kind: kind === 'image' ? 'image' : 'video',
          bytes: outcome.value.media.bytes,
          claimedContentType: outcome.value.media.contentType,
        });
      } else if (outcome.value.text !== undefined) {
        const text = outcome.value.text;
        if (text.length <= (deps.inlineTextMaxChars ?? 4000)) result.text = text;
        else {
          result.artifact = await storeText(scope, text);
          result.text = `${text.slice(0, SUMMARY_CHARS).trimEnd()}… (${text.length} characters; the whole text is in the artifact store)`;
        }
      }
      return result;
    });
  }

  function storeText(scope: AiCallScope, text: string): Promise<ArtifactRef> {
    return deps.artifacts.put({
      agencyId: scope.agencyId,
      clientId: scope.clientId,
      kind: 'provider-output',
      bytes: Buffer.from(text, 'utf8'),
      claimedContentType: 'text/plain',
    });
  }

  /** A call under timeout, retries and the breaker of (provider, key). */
  function resilient<T>(
    provider: ProviderId,
    ctx: ProviderCallContext,
    fn: (c: ProviderCallContext) => Promise<T>,
    retryable?: (e: ProviderError) => boolean,
  ) {
    return callWithResilience(
      {
        provider,
        credentialRefId: ctx.credential.credentialRefId,
        timeoutMs: ctx.timeoutMs,
        retryable,
        call: (signal) => fn({ ...ctx, signal }),
      },
      resilience,
    );
  }

  /** Start once (retried only when the vendor said it did not take the job), then poll until done. */
  async function render(
    provider: ProviderId,
    ctx: ProviderCallContext,
    start: (c: ProviderCallContext) => Promise<RenderJob>,
    poll: (c: ProviderCallContext, job: RenderJob) => Promise<RenderStatus>,
  ): Promise<Outcome> {
    const started = await resilient(
      provider,
      ctx,
      start,
      (e) => e.failure === 'rate_limited' || e.details.status !== undefined,
    );
    if (!started.ok) return started;
    const deadline = now().getTime() + (deps.maxRenderWaitMs ?? 15 * 60_000);
    let attempts = started.attempts;
    for (;;) {
      const polled = await resilient(provider, ctx, (c) => poll(c, started.value));
      attempts += polled.attempts;
      if (!polled.ok) return { ...polled, attempts };
      const status = polled.value;
      if (status.state === 'done')
        return { ok: true, attempts, value: { model: status.model, usage: status.usage, media: status.media } };
      if (status.state === 'failed')
        return {
          ok: false,
          attempts,
          error: new ProviderError(
            provider,
            status.refused ? 'refused' : 'unavailable',
            `the render failed: ${status.reason}`,
          ),
        };
      deps.heartbeat?.();
      if (now().getTime() >= deadline)
        return {
          ok: false,
          attempts,
          error: new ProviderError(provider, 'unavailable', 'the render did not finish in time'),
        };
      await sleep(deps.pollIntervalMs ?? 5_000);
    }
  }

  return {
    text: (scope, req) =>
      call(
        'text',
        scope,
        (id) => !!registry.text(id),
        (id) => estimateText(id, req),
        async (id, ctx) => {
          const out = await resilient(id, ctx, (c) => registry.text(id)!.generateText(c, req));
          return out.ok
            ? { ...out, value: { model: out.value.model, usage: out.value.usage, text: out.value.text } }
            : out;
        },
      ),
    image: (scope, req) =>
      call(
        'image',
        scope,
        (id) => !!registry.image(id),
        (id) => estimateImage(id, req),
        async (id, ctx) => {
          const out = await resilient(id, ctx, (c) => registry.image(id)!.generateImage(c, req));
          return out.ok
            ? {
                ...out,
                value: {
                  model: out.value.model,
                  usage: out.value.usage,
                  media: { bytes: out.value.bytes, contentType: out.value.contentType },
                },
              }
            : out;
        },
      ),
    video: (scope, req) =>
      call(
        'video',
        scope,
        (id) => !!registry.video(id),
        (id) => estimateVideo(id, req),
        (id, ctx) => {
          const p = registry.video(id)!;
          return render(
            id,
            ctx,
            (c) => p.startVideo(c, req),
            (c, job) => p.pollVideo(c, job),
          );
        },
      ),
    avatar: (scope, req) =>
      call(
        'avatar',
        scope,
        (id) => !!registry.avatar(id),
        (id) => estimateAvatar(id, req),
        (id, ctx) => {
          const p = registry.avatar(id)!;
          return render(
            id,
            ctx,
            (c) => p.startAvatar(c, req),
            (c, job) => p.pollAvatar(c, job),
          );
        },
      ),
  };
}

const wait = (w: AiWait): AiCallResult => ({ ok: false, wait: w });

/**
 * How a failed call ends the step: outages (after the retries, or with the breaker open) wait until the breaker's
 * trial time and resume; refusals and revoked keys park the item for a human; a bad request is a bug and throws.
 */
function outcomeToWait(
  outcome: Extract<Outcome, { ok: false }>,
  credential: ProviderCredential,
  cooldownMs: number,
  at: Date,
): AiWait {
  const e = outcome.error;
  const message = scrubSecrets(e.message, [credential.apiKey]).slice(0, 300);
  switch (e.failure) {
    case 'refused':
      return { code: 'refused', message: `${e.provider} refused the request: ${message}` };
    case 'unauthorized':
      return {
        code: 'unauthorized',
        message: `${e.provider} did not accept the ${credential.scope} key; an operator must replace it`,
      };
    case 'bad_request':
      throw new ProviderError(e.provider, 'bad_request', message, {
        status: e.details.status,
        vendorCode: e.details.vendorCode,
      });
    case 'circuit_open':
    case 'rate_limited':
    case 'unavailable': {
      const retryAt = outcome.breakerOpen?.retryAt ?? at.getTime() + Math.max(cooldownMs, e.details.retryAfterMs ?? 0);
      return {
        code: 'circuit_open',
        message: outcome.breakerOpen
          ? `${e.provider} is unavailable for this key (circuit open); trying again at the breaker's trial time`
          : `${e.provider} is unavailable (${e.failure}) after ${outcome.attempts} attempt(s)`,
        retryAt: new Date(retryAt).toISOString(),
      };
    }
  }
}

/** Ids, outcome and numbers only (C-13): never a prompt, an output or a key. */
function log(
  level: 'info' | 'warn',
  kind: ProviderKind,
  scope: AiCallScope,
  provider: ProviderId,
  outcome: string,
  msg: string,
): void {
  logger[level](
    {
      'raize.agency_id': scope.agencyId,
      'raize.client_id': scope.clientId,
      'raize.operation': `ai.${kind}.${provider}`,
      'raize.outcome': outcome,
    },
    msg,
  );
}
