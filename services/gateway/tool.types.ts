import type { Client as TemporalClient } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { AuditService } from '../core/audit/audit.service';
import type { RecordedArtifactStore } from '../core/artifacts/recorded-artifact-store';
import type { GatewayCaller } from '../core/gateway/caller';
import type { PolicyEngine } from '../core/policy/policy-engine';
import type { ProviderGateway } from '../core/providers/provider-gateway.port';
import type { SecretsPort } from '../core/secrets/secrets.port';
import type { PublishWorkflowOptions } from '../../workflows/contracts/publish.contract';
import type { ToolName } from '../../workflows/contracts/vocabulary/gateway';

/**
 * What a tool is allowed to be (issue #16). `read` and `generate` change nothing; `draft` writes a draft in Raize
 * (never on a platform); `operate` starts an episode (publishing goes through the kernel and waits for human
 * approval); `script` runs sandboxed code (C-38). No tool approves, flips a kill switch or changes policy.
 */
export const TOOL_CLASSES = ['read', 'generate', 'draft', 'operate', 'script'] as const;
export type ToolClass = (typeof TOOL_CLASSES)[number];

/** The signed part of a tool: what the caller is shown and what its input must be (the registry's row). */
export interface ToolDefinition {
  name: ToolName;
  version: number;
  title: string;
  description: string;
  class: ToolClass;
  /** the tool acts on one client named by the input's `clientId` (assistants) or the caller's (activities) */
  takesClient: boolean;
  /** JSON Schema (draft 2020-12) of the input, validated on every call */
  inputSchema: Record<string, unknown>;
  /** above this many bytes of JSON the result goes to the artifact store and only its summary returns (C-39) */
  maxInlineBytes: number;
}

/** What the gateway process gives every tool; built once per process. */
export interface GatewayDeps {
  ds: DataSource;
  secrets: SecretsPort;
  audit: AuditService;
  artifacts: RecordedArtifactStore;
  providers: ProviderGateway;
  /** starts episodes (post_schedule); absent in a gateway that offers no operate tools */
  temporal?: TemporalClient;
  /** the publishing lane's task queue (post_schedule) */
  publishTaskQueue?: string;
  /** the publish workflow's timing (post_schedule); the workflow's defaults when absent */
  publishOptions?: PublishWorkflowOptions;
  /** the policy engine the reply checks run on (reply_propose, C-29); without it reply_propose refuses */
  policy?: PolicyEngine;
  /** the guarded fetcher's loopback allowance, for the local sandbox and tests only (never in production) */
  allowPrivateFetch?: boolean;
  now?: () => Date;
}

/** One call as the tool sees it, already authenticated, allowed by policy and validated. */
export interface ToolContext {
  caller: GatewayCaller;
  agencyId: string;
  /** the client the call acts on (required when the definition says takesClient) */
  clientId: string | null;
  /** a connection in the scope of that client (row-level security on every query) */
  m: EntityManager;
  deps: GatewayDeps;
  /** settings of the caller's agency that tools need (the scripts' domain allowlist) */
  settings: { scriptDomains: string[] };
  signal: AbortSignal;
}

/** A tool's answer: the structured result, a short summary for the model's context, and what it cost. */
export interface ToolOutput {
  result: Record<string, unknown>;
  /** what returns to the caller instead of the result when the result is too large (C-39) */
  summary: string;
  costUsdMicros?: number;
}

/** The code half of a tool. Input is parsed with the handler's zod schema after the registry's JSON Schema check. */
export interface ToolHandler<S extends z.ZodType = z.ZodType> {
  definition: ToolDefinition;
  input: S;
  run(ctx: ToolContext, input: z.infer<S>): Promise<ToolOutput>;
}

/** A refusal a tool raises on purpose (not found, not allowed for this client): the caller sees code and message. */
export class ToolRefusal extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_input' | 'not_allowed' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'ToolRefusal';
  }
}
