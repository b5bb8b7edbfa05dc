import type { ArtifactRef } from '../artifacts/artifact-store.port';
import type {
  AvatarRequest,
  ImageRequest,
  ProviderId,
  ProviderUsage,
  TextRequest,
  VideoRequest,
} from './provider.types';

/**
 * Per-client limits of one AI step (planner, creator, later router and reply drafter): exceeding any ends the step
 * with a clear reason and parks the item for a human; nothing loops.
 */
export interface AiStepContract {
  /** nested model/tool calls */
  maxDepth: number;
  maxToolCalls: number;
  /** input + output tokens over the whole step */
  maxTokens: number;
  maxCostMicros: number;
  maxWallMs: number;
  /** "request changes" rounds before the item is parked */
  maxRevisions: number;
}

/** Who is calling, for what, under which contract; ids only. */
export interface AiCallScope {
  agencyId: string;
  clientId: string;
  /** the step (e.g. `plan:<planId>`, `item:<itemId>`): usage and contract spend are summed per step */
  stepId: string;
  /** `assistant`: an operator's assistant calling through the MCP tool gateway (issue #16) */
  stepKind: 'planner' | 'creator' | 'router' | 'drafter' | 'assistant';
  /** nesting depth of this call inside the step (0 for the step's own call) */
  depth: number;
}

/** What a step may get back: small text inline, media only as artifact references. */
export type AiCallResult =
  | { ok: true; provider: ProviderId; model: string; usage: ProviderUsage; text?: string; artifact?: ArtifactRef }
  | { ok: false; wait: AiWait };

/**
 * Why a step cannot go on now. `budget_exhausted` and `circuit_open` wait and resume; `contract_exceeded`,
 * `refused` and `unauthorized` park the item for a human with the reason.
 */
export const AI_WAIT_CODES = [
  'budget_exhausted',
  'circuit_open',
  'contract_exceeded',
  'refused',
  'unauthorized',
  'no_provider',
] as const;
export interface AiWait {
  code: (typeof AI_WAIT_CODES)[number];
  message: string;
  /** when trying again makes sense (breaker half-open, month rollover); absent: only a human unblocks it */
  retryAt?: string;
}

/**
 * The one way an episode reaches an AI provider: resolves the client's key (agency fallback), asks the policy about
 * the monthly budget, checks the step's contract, runs the call with timeout, retries with backoff and jitter and a
 * breaker per provider and key, records usage and cost, stores media in the artifact store, and never logs prompts
 * or outputs (C-11, C-13, C-51).
 */
export interface ProviderGateway {
  text(scope: AiCallScope, req: TextRequest): Promise<AiCallResult>;
  image(scope: AiCallScope, req: ImageRequest): Promise<AiCallResult>;
  /** starts and waits for the render (polling with the vendor's cadence) inside the activity, heartbeating */
  video(scope: AiCallScope, req: VideoRequest): Promise<AiCallResult>;
  avatar(scope: AiCallScope, req: AvatarRequest): Promise<AiCallResult>;
}
