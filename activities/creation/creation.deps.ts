import type { Client as TemporalClient } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { PolicyEngine } from '../../services/core/policy/policy-engine';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import type { PublishWorkflowOptions } from '../../workflows/contracts/publish.contract';

/**
 * What the creator and the content check know of a brand: summaries and word lists only (never a whole knowledge
 * base). The knowledge module's `loadBrandContext` answers it; the worker passes it in.
 */
export interface CreationBrandContext {
  name?: string;
  voice?: string;
  headline?: string;
  colours?: string[];
  hashtags?: string[];
  doWords?: string[];
  dontWords?: string[];
  bannedTerms?: string[];
  bannedClaims?: string[];
  linksAllowed?: boolean;
  maxHashtags?: number;
  /** short summaries of the knowledge base, most relevant first */
  summaries?: string[];
}

/** Everything the creation episode's activities need, built once per worker process. */
export interface CreationDeps {
  /** the app role's data source; each activity runs in its client's scope (C-01, C-05) */
  ds: DataSource;
  audit: AuditService;
  policy: PolicyEngine;
  /**
   * the creator's tools (issue #16): brand kit, knowledge summaries, text and image generation, all through the MCP
   * tool gateway under the creator's allowlist (C-30, C-36), audited per call (C-39)
   */
  tools: ToolClient;
  /** video and avatar renders only: long polled renders, not agent tools, stay on the provider gateway */
  gateway: Pick<ProviderGateway, 'video' | 'avatar'>;
  artifacts: ArtifactStore;
  /** to schedule the approved item's publish workflows and send them the reviewer's approval (built on first use) */
  temporal: () => Promise<TemporalClient>;
  publishTaskQueue: string;
  publishOptions: PublishWorkflowOptions;
  /** the brand's word lists for the deterministic content check (not an AI tool call: read directly) */
  brandContext: (m: EntityManager, clientId: string) => Promise<CreationBrandContext>;
  /** the client's "request changes" rounds before an item is parked (AiStepContract.maxRevisions) */
  maxRevisions: (m: EntityManager, clientId: string) => Promise<number>;
  /** how long the reviewer's approval may take to reach a publish workflow */
  approveDeadlineMs?: number;
  /** the clock a queue item's slot is compared with (tests move it) */
  now?: () => Date;
  /** how long an item waits on a provider outage in all before it parks for a human (default DEFAULT_MAX_OUTAGE_MS) */
  maxOutageMs?: number;
}
