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

export * from './agency.entity';
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

export const ENTITIES = [
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
];
