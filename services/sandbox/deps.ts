// The dependencies every route module receives.
import type { FaultEngine } from './faults';
import type { SandboxStore } from './store';
import type { WebhookDispatcher } from './webhooks.dispatcher';

export interface SandboxDeps {
  store: SandboxStore;
  faults: FaultEngine;
  webhooks: WebhookDispatcher;
  adminToken: string;
  /** Base URL used in links (post URLs, media URLs); no trailing slash. */
  publicUrl(): string;
  accessTokenTtlSeconds: number;
}
