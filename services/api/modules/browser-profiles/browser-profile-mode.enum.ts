import { registerEnumType } from '@nestjs/graphql';
import {
  BROWSER_MODE_REASON_CODES,
  BROWSER_PROFILE_MODES,
  BROWSER_STOP_KINDS,
  HYBRID_WRITERS,
  type BrowserModeReasonCode,
  type HybridWriter,
  type BrowserProfileMode,
  type BrowserStopKind,
} from '../../../../workflows/contracts/vocabulary/browser-lane';
import { enumOf } from '../../schema/enums';

// The browser lane's words (workflows/contracts/vocabulary/browser-lane.ts) as GraphQL enums, for the web's codegen.

export const BrowserProfileModeEnum: Record<BrowserProfileMode, BrowserProfileMode> = enumOf(BROWSER_PROFILE_MODES);
export const BrowserModeReasonCodeEnum: Record<BrowserModeReasonCode, BrowserModeReasonCode> =
  enumOf(BROWSER_MODE_REASON_CODES);
export const BrowserStopKindEnum: Record<BrowserStopKind, BrowserStopKind> = enumOf(BROWSER_STOP_KINDS);
export const HybridWriterEnum: Record<HybridWriter, HybridWriter> = enumOf(HYBRID_WRITERS);

registerEnumType(BrowserProfileModeEnum, {
  name: 'BrowserProfileMode',
  description: 'read_only: the browser lane only reads; side_effects: two different Admins let it act (C-42)',
});
registerEnumType(BrowserModeReasonCodeEnum, {
  name: 'BrowserModeReasonCode',
  description: "Why a browser profile is read-only: a runner's stop, an operator, or a fresh session attached",
});
registerEnumType(HybridWriterEnum, {
  name: 'HybridWriter',
  description:
    'On the hybrid lane, which side publishes: api (the page reads it back) or browser (the API reads it back)',
});
registerEnumType(BrowserStopKindEnum, {
  name: 'BrowserStopKind',
  description: 'Why the browser runner stopped before touching the page (C-41, C-43)',
});
