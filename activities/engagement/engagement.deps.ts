import type { DataSource } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { EngagementBrandContext } from '../../services/core/engagement/router';
import type { PolicyEngine } from '../../services/core/policy/policy-engine';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';
import type { EntityManager } from 'typeorm';
import type { CredentialCache } from '../guard/credential-cache';
import type { PlatformConnectors } from '../guard/guard.deps';

/** What the engagement episode's bookkeeping activities need, built once per worker process. */
export interface EngagementDeps {
  /** the app role's data source; each activity runs in its client's scope (C-01, C-05) */
  ds: DataSource;
  audit: AuditService;
  /** the reply constraints are asked through the one policy engine (C-29) */
  policy: PolicyEngine;
  /**
   * the router's and the drafter's tools (issue #16): the brand kit and the client's classifier and drafter models
   * (its own key, or the local provider), through the MCP tool gateway under their allowlists (C-30, C-36)
   */
  tools: ToolClient;
  /** the brand's word lists for the deterministic check of an approved reply (not an AI tool call: read directly) */
  brandContext: (m: EntityManager, clientId: string) => Promise<EngagementBrandContext>;
  /** read side only: a mention whose webhook carries ids only is read from the platform before it is routed */
  platforms: Pick<PlatformConnectors, 'reader'>;
  /** the account's credential, read from the secrets backend at the moment of use, as the guard does (C-11) */
  credentials: CredentialCache;
}
