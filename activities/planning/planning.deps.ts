import { asyncLocalStorage } from '@temporalio/activity';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';

/** What the planner may tell a model about the brand: summaries only, never raw knowledge-base text (C-13). */
export interface BrandSummary {
  name: string;
  /** a few lines: voice, do/don't words, audience; empty when the client has no brand kit yet */
  summary: string;
}

/** Reads the brand context the planner's prompts may carry, in the activity's tenant scope. */
export type BrandContextLoader = (m: EntityManager, clientId: string) => Promise<BrandSummary>;

export interface PlanningDeps {
  ds: DataSource;
  /** the one way to an AI provider: keys, budgets, contracts, breakers (C-11, C-51) */
  providers: ProviderGateway;
  /** the brand context the planner's prompts carry; default: the brand kit and knowledge base summaries */
  brandContext?: BrandContextLoader;
  /** the creation lane's task queue, when the workflow's input names none */
  creationTaskQueue: string;
  now?: () => Date;
}

/** Tells Temporal the planner is alive between AI calls; outside an activity (unit use) it does nothing. */
export function heartbeat(details?: unknown): void {
  asyncLocalStorage.getStore()?.heartbeat(details);
}
