import { asyncLocalStorage } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';

/** What the planner may tell a model about the brand: summaries only, never raw knowledge-base text (C-13). */
export interface BrandSummary {
  name: string;
  /** a few lines: voice, do/don't words, audience; empty when the client has no brand kit yet */
  summary: string;
}

export interface PlanningDeps {
  ds: DataSource;
  /**
   * the one way the planner reaches its tools (issue #16): the MCP tool gateway, which holds the brand kit, the
   * knowledge base and the client's text provider (keys, budgets, contracts, breakers: C-11, C-51) behind the
   * planner's allowlist (C-30, C-36) and audits each call (C-39)
   */
  tools: ToolClient;
  /** to read a tool result the gateway kept in the artifact store because it was large (C-39) */
  artifacts?: Pick<ArtifactStore, 'get'>;
  /** the creation lane's task queue, when the workflow's input names none */
  creationTaskQueue: string;
  now?: () => Date;
}

/** Tells Temporal the planner is alive between AI calls; outside an activity (unit use) it does nothing. */
export function heartbeat(details?: unknown): void {
  asyncLocalStorage.getStore()?.heartbeat(details);
}
