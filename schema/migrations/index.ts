import { CoreModel1764000000000 } from './1764000000000-core-model';
import { OperatorsAndTenancy1764100000000 } from './1764100000000-operators-and-tenancy';
import { SideEffectKernel1764200000000 } from './1764200000000-side-effect-kernel';
import { PlatformStaff1764300000000 } from './1764300000000-platform-staff';
import { PostDecisions1764400000000 } from './1764400000000-post-decisions';
import { ConnectBinding1764500000000 } from './1764500000000-connect-binding';
import { SignInHardening1764600000000 } from './1764600000000-sign-in-hardening';
import { GlobalKillSwitchStaff1764700000000 } from './1764700000000-global-kill-switch-staff';
import { ForceRowLevelSecurity1764800000000 } from './1764800000000-force-row-level-security';
import { Artifacts1764900000000 } from './1764900000000-artifacts';
import { BrandKitKnowledge1764910000000 } from './1764910000000-brand-kit-knowledge';
import { ProviderKeysAndUsage1764920000000 } from './1764920000000-provider-keys-and-usage';
import { Plans1764930000000 } from './1764930000000-plans';
import { Creation1764940000000 } from './1764940000000-creation';
import { QueueSlotsAndImports1764950000000 } from './1764950000000-queue-slots-and-imports';
import { PlatformConnectors1765000000000 } from './1765000000000-platform-connectors';
import { Reconnect1765000100000 } from './1765000100000-reconnect';
import { PlatformSpendCaps1765000200000 } from './1765000200000-platform-spend-caps';
import { PlanItemTargets1765100000000 } from './1765100000000-plan-item-targets';
import { Conversations1765600000000 } from './1765600000000-conversations';
import { InboundEvents1765200000000 } from './1765200000000-inbound-events';
import { EngagementReplies1765300000000 } from './1765300000000-engagement-replies';
import { WebhooksOut1765400000000 } from './1765400000000-webhooks-out';
import { AvatarPresenter1765700000000 } from './1765700000000-avatar-presenter';
import { EngagementSettings1765800000000 } from './1765800000000-engagement-settings';
import { ClientOperators1765900000000 } from './1765900000000-client-operators';
import { InboundReroute1766000000000 } from './1766000000000-inbound-reroute';
import { ClientReview1766100000000 } from './1766100000000-client-review';
import { Analytics1766200000000 } from './1766200000000-analytics';
import { Reports1766300000000 } from './1766300000000-reports';
import { AuditCorrelation1766400000000 } from './1766400000000-audit-correlation';
import { StaffParkedEpisodes1766500000000 } from './1766500000000-staff-parked-episodes';
import { ReceiptChecks1766600000000 } from './1766600000000-receipt-checks';
import { ToolGateway1766700000000 } from './1766700000000-tool-gateway';
import { BrowserLane1766800000000 } from './1766800000000-browser-lane';

/** Every migration in order; TypeORM records what ran in the `migrations` table. */
export const MIGRATIONS = [
  CoreModel1764000000000,
  OperatorsAndTenancy1764100000000,
  SideEffectKernel1764200000000,
  PlatformStaff1764300000000,
  PostDecisions1764400000000,
  ConnectBinding1764500000000,
  SignInHardening1764600000000,
  GlobalKillSwitchStaff1764700000000,
  ForceRowLevelSecurity1764800000000,
  Artifacts1764900000000,
  BrandKitKnowledge1764910000000,
  ProviderKeysAndUsage1764920000000,
  Plans1764930000000,
  Creation1764940000000,
  QueueSlotsAndImports1764950000000,
  PlatformConnectors1765000000000,
  Reconnect1765000100000,
  PlatformSpendCaps1765000200000,
  PlanItemTargets1765100000000,
  Conversations1765600000000,
  InboundEvents1765200000000,
  EngagementReplies1765300000000,
  WebhooksOut1765400000000,
  AvatarPresenter1765700000000,
  EngagementSettings1765800000000,
  ClientOperators1765900000000,
  InboundReroute1766000000000,
  ClientReview1766100000000,
  Analytics1766200000000,
  Reports1766300000000,
  AuditCorrelation1766400000000,
  StaffParkedEpisodes1766500000000,
  ReceiptChecks1766600000000,
  ToolGateway1766700000000,
  BrowserLane1766800000000,
];
