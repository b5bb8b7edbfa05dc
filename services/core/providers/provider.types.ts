/**
 * The AI providers' one vocabulary (C-11, C-13, C-51): what a creation or planning step asks for, what comes back,
 * and how a call fails. Each vendor adapter (services/core/providers/<vendor>/) maps these to its documented HTTP
 * API; the local provider (services/core/providers/local/) answers them offline and deterministically.
 */

/** Every provider Raize speaks to; `local` is the offline default. */
export const PROVIDER_IDS = ['local', 'anthropic', 'openai', 'gemini', 'openrouter', 'kie', 'heygen'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What a provider makes; one adapter interface per kind. */
export const PROVIDER_KINDS = ['text', 'image', 'video', 'avatar'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Which kinds each provider offers; a key for a provider is usable for exactly these. */
export const PROVIDER_KINDS_OF: Readonly<Record<ProviderId, readonly ProviderKind[]>> = {
  local: ['text', 'image', 'video', 'avatar'],
  anthropic: ['text'],
  openai: ['text', 'image'],
  gemini: ['text', 'image'],
  openrouter: ['text'],
  kie: ['video'],
  heygen: ['avatar'],
};

/** The secret an adapter authenticates with; resolved per call from the client's CredentialRef, never stored. */
export interface ProviderCredential {
  provider: ProviderId;
  /** the raw key; lives only for the call (never logged, never in workflow state) */
  apiKey: string;
  /** the CredentialRef id it came from: what breakers, usage rows and audit events name instead of the key */
  credentialRefId: string;
  /** where it came from: the client's own key or the agency's fallback */
  scope: 'client' | 'agency' | 'local';
}

/** Per call: who pays and under which deadline. */
export interface ProviderCallContext {
  agencyId: string;
  clientId: string;
  credential: ProviderCredential;
  /** the call's deadline; the adapter aborts the HTTP exchange when it passes */
  timeoutMs: number;
  /** the caller's cancellation (an activity's) */
  signal?: AbortSignal;
  /** base URL override (emulators in tests, self-hosted gateways); else the vendor's documented URL */
  baseUrl?: string;
}

/** Tokens, images and seconds of video a call consumed, and what it cost, in millionths of a US dollar. */
export interface ProviderUsage {
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
  videoSeconds?: number;
  costMicros: number;
}

export interface TextRequest {
  /** the instruction: only summaries and references, never raw large inputs (the contract's rule) */
  system?: string;
  prompt: string;
  /** the model to use; the adapter's default when absent */
  model?: string;
  maxOutputTokens: number;
  temperature?: number;
  /**
   * Optional (added by providers-core): structured hints a template renderer uses (the local provider); vendor
   * adapters ignore them, because the prompt says the same in words.
   */
  hints?: TextHints;
  /**
   * Optional (added by the engagement router): the answer must be one JSON value matching this JSON Schema. The
   * caller still parses and validates the answer (an adapter that cannot constrain its vendor relies on the prompt,
   * which carries the schema in words too); the local provider answers the schemas it knows deterministically.
   */
  responseSchema?: { name: string; schema: Record<string, unknown> };
}
/** The brand kit and the slot a text is for, as the local provider's templates need them. */
export interface TextHints {
  format?: string;
  pillar?: string;
  platform?: string;
  topic?: string;
  brand?: { name: string; voice?: string; hashtags?: string[]; doWords?: string[]; dontWords?: string[] };
  /** a reviewer asked for changes: the round and their note (the prompt says the same in words) */
  revision?: { round: number; note: string };
}
export interface TextResult {
  text: string;
  model: string;
  usage: ProviderUsage;
  /** the vendor's stop/finish reason, mapped: a refusal is thrown as ProviderRefusedError instead */
  finish: 'stop' | 'length';
}

export interface ImageRequest {
  prompt: string;
  model?: string;
  width: number;
  height: number;
  /** brand colours and words a renderer may use (the local provider draws them) */
  brand?: { name: string; colours: string[]; headline?: string };
}
export interface MediaBytes {
  bytes: Buffer;
  contentType: string;
}
export interface ImageResult extends MediaBytes {
  model: string;
  usage: ProviderUsage;
}

export interface VideoRequest {
  prompt: string;
  model?: string;
  durationSeconds: number;
  aspect: '9:16' | '16:9' | '1:1';
  /** burned-in captions (the silent-first pipeline adds them after the visuals) */
  captions?: string[];
  brand?: { name: string; colours: string[]; headline?: string };
}
export interface AvatarRequest {
  script: string;
  avatarId?: string;
  voiceId?: string;
  aspect: '9:16' | '16:9' | '1:1';
  /** brand colours and name a renderer may draw (the local provider's background and band; vendors ignore it) */
  brand?: { name: string; colours: string[] };
}

/** An async render (video, avatar): started, then polled or completed by the vendor's callback. */
export interface RenderJob {
  provider: ProviderId;
  /** the vendor's job/task id */
  jobId: string;
}
export type RenderStatus =
  | { state: 'pending'; progress?: number }
  | { state: 'done'; media: MediaBytes; usage: ProviderUsage; model: string }
  | { state: 'failed'; reason: string; refused: boolean };

export interface TextProvider {
  readonly id: ProviderId;
  generateText(ctx: ProviderCallContext, req: TextRequest): Promise<TextResult>;
}
export interface ImageProvider {
  readonly id: ProviderId;
  generateImage(ctx: ProviderCallContext, req: ImageRequest): Promise<ImageResult>;
}
export interface VideoProvider {
  readonly id: ProviderId;
  startVideo(ctx: ProviderCallContext, req: VideoRequest): Promise<RenderJob>;
  pollVideo(ctx: ProviderCallContext, job: RenderJob): Promise<RenderStatus>;
}
export interface AvatarProvider {
  readonly id: ProviderId;
  startAvatar(ctx: ProviderCallContext, req: AvatarRequest): Promise<RenderJob>;
  pollAvatar(ctx: ProviderCallContext, job: RenderJob): Promise<RenderStatus>;
}

/** How a provider call failed; the gateway and the episodes decide by `class`, never by message text. */
export type ProviderFailureClass =
  /** 429: honour retryAfterMs, then retry */
  | 'rate_limited'
  /** 5xx, timeouts, connection errors: retry with backoff; counts toward the breaker */
  | 'unavailable'
  /** the breaker for this provider+key is open: the episode waits and resumes (C-51) */
  | 'circuit_open'
  /** the vendor's content filter or safety refusal: no retry; the item is parked with the reason */
  | 'refused'
  /** 401/403: the key is wrong or revoked; no retry; operators must replace the key */
  | 'unauthorized'
  /** 400/404/422 and unparseable answers: a bug or a bad request; no retry */
  | 'bad_request';

export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderId,
    readonly failure: ProviderFailureClass,
    /** safe to show and log: never the prompt, output or key */
    message: string,
    /** `usage` (optional, added by providers-core): what a failed call still billed (a refusal after reading the input) */
    readonly details: { status?: number; retryAfterMs?: number; vendorCode?: string; usage?: ProviderUsage } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
  get retryable(): boolean {
    return this.failure === 'rate_limited' || this.failure === 'unavailable' || this.failure === 'circuit_open';
  }
}
