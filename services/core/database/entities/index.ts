import { Agency } from './agency.entity';
import { Approval } from './approval.entity';
import { Asset } from './asset.entity';
import { AssetRevision } from './asset-revision.entity';
import { AuditEvent } from './audit-event.entity';
import { Client } from './client.entity';
import { ClientPolicySettings } from './client-policy-settings.entity';
import { CredentialRef } from './credential-ref.entity';
import { KillSwitch } from './kill-switch.entity';
import { Membership } from './membership.entity';
import { OAuthAttempt } from './oauth-attempt.entity';
import { PlatformAccount } from './platform-account.entity';
import { PublishJob } from './publish-job.entity';
import { PostDecision } from './post-decision.entity';
import { SideEffectLedgerEntry } from './side-effect-ledger.entity';
import { User } from './user.entity';
import { Session } from './session.entity';
import { ApiToken } from './api-token.entity';
import { ProviderCredentialRow } from './provider-credential.entity';
import { AiUsage } from './ai-usage.entity';
import { AccountHealth } from './account-health.entity';
import { PlatformUsageRecord } from './platform-usage.entity';
import { AiSettings } from './ai-settings.entity';
import { Artifact } from './artifact.entity';
import { QueueSlot } from './queue-slot.entity';
import { ImportBatch } from './import-batch.entity';
import { Conversation } from './conversation.entity';
import { ConversationMessage } from './conversation-message.entity';
import { ConversationNote, ConversationSummary, SavedReply } from './conversation-extras.entity';
import { InboundEvent, InboundPollCursor } from './inbound-event.entity';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookAttempt, WebhookDelivery } from './webhook-delivery.entity';
import { EngagementReply } from './engagement-reply.entity';
import { AccountMetricsDaily, PostMetricsDaily } from './metrics-daily.entity';
import { ClientReviewer, PortalSession, ReviewLink, ReviewLinkCode } from './client-review.entity';

export * from './account-health.entity';
export * from './agency.entity';
export * from './platform-usage.entity';
export * from './approval.entity';
export * from './asset.entity';
export * from './asset-revision.entity';
export * from './audit-event.entity';
export * from './client.entity';
export * from './client-policy-settings.entity';
export * from './credential-ref.entity';
export * from './kill-switch.entity';
export * from './membership.entity';
export * from './oauth-attempt.entity';
export * from './platform-account.entity';
export * from './publish-job.entity';
export * from './post-decision.entity';
export * from './side-effect-ledger.entity';
export * from './user.entity';
export * from './session.entity';
export * from './api-token.entity';
export * from './provider-credential.entity';
export * from './ai-usage.entity';
export * from './ai-settings.entity';
export * from './artifact.entity';
export * from './queue-slot.entity';
export * from './import-batch.entity';
export * from './conversation.entity';
export * from './conversation-message.entity';
export * from './conversation-extras.entity';

// The plan graph (planning episode): projections, their append-only events, and recurring templates.
import { Plan } from './plan.entity';
import { PlanEvent } from './plan-event.entity';
import { PlanItem } from './plan-item.entity';
import { RecurringPlan } from './recurring-plan.entity';
export * from './plan.entity';
export * from './plan-event.entity';
export * from './plan-item.entity';
export * from './recurring-plan.entity';

// Brand kit and knowledge base (planning and creation write from them).
import { BrandKit } from './brand-kit.entity';
import { KbChunk, KbSource } from './kb-source.entity';
export * from './brand-kit.entity';
export * from './kb-source.entity';

// Decisions on plan items under review (creation episode).
import { CreationDecision } from './creation-decision.entity';
export * from './creation-decision.entity';
export * from './inbound-event.entity';
export * from './webhook-subscription.entity';
export * from './webhook-delivery.entity';
// Later re-checks of published posts (issue #15, receipts that stay true).
import { ReceiptCheck } from './receipt-check.entity';
export * from './receipt-check.entity';
// The MCP tool gateway (issue #16): the signed registry, an agency's gateway settings, per-caller usage.
import { GatewaySettings, GatewayUsage, ToolRegistryEntry } from './gateway.entity';
export * from './gateway.entity';
// The browser lane (issue #17): a client account's encrypted session and signed manifest, and the runners.
import { BrowserProfile } from './browser-profile.entity';
import { BrowserRunner } from './browser-runner.entity';
export * from './browser-profile.entity';
export * from './browser-runner.entity';

export const ENTITIES = [
  ProviderCredentialRow,
  AiUsage,
  AccountHealth,
  PlatformUsageRecord,
  AiSettings,
  CreationDecision,
  BrandKit,
  KbSource,
  KbChunk,
  Plan,
  PlanEvent,
  PlanItem,
  RecurringPlan,
  Agency,
  Approval,
  Asset,
  AssetRevision,
  AuditEvent,
  Client,
  ClientPolicySettings,
  CredentialRef,
  KillSwitch,
  Membership,
  OAuthAttempt,
  PlatformAccount,
  PublishJob,
  PostDecision,
  SideEffectLedgerEntry,
  User,
  Session,
  ApiToken,
  Artifact,
  QueueSlot,
  ImportBatch,
  Conversation,
  ConversationMessage,
  ConversationSummary,
  ConversationNote,
  SavedReply,
  InboundEvent,
  InboundPollCursor,
  EngagementReply,
  WebhookSubscription,
  WebhookDelivery,
  WebhookAttempt,
  ClientReviewer,
  ReviewLink,
  ReviewLinkCode,
  PortalSession,
  AccountMetricsDaily,
  PostMetricsDaily,
  ReceiptCheck,
  ToolRegistryEntry,
  GatewaySettings,
  GatewayUsage,
  BrowserProfile,
  BrowserRunner,
];
export * from './engagement-reply.entity';
export * from './client-review.entity';
export * from './metrics-daily.entity';
