import type { DataSource } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { EngagementBrandContext } from '../../services/core/engagement/router';
import type { PolicyEngine } from '../../services/core/policy/policy-engine';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import type { EntityManager } from 'typeorm';

/** What the engagement episode's bookkeeping activities need, built once per worker process. */
export interface EngagementDeps {
  /** the app role's data source; each activity runs in its client's scope (C-01, C-05) */
  ds: DataSource;
  audit: AuditService;
  /** the reply constraints are asked through the one policy engine (C-29) */
  policy: PolicyEngine;
  /** the client's classifier and drafter, where configured (its own key, or the local provider) */
  gateway: ProviderGateway;
  brandContext: (m: EntityManager, clientId: string) => Promise<EngagementBrandContext>;
}
