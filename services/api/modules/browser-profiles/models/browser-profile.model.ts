import { Field, ID, ObjectType } from '@nestjs/graphql';
import type {
  BrowserModeReasonCode,
  BrowserProfileMode,
  BrowserStopKind,
  HybridWriter,
} from '../../../../../workflows/contracts/vocabulary/browser-lane';
import {
  BrowserModeReasonCodeEnum,
  BrowserProfileModeEnum,
  BrowserStopKindEnum,
  HybridWriterEnum,
} from '../browser-profile-mode.enum';

@ObjectType('BrowserProfileReason', { description: 'Why a browser profile is in its mode, in words' })
export class BrowserProfileReasonModel {
  @Field(() => BrowserModeReasonCodeEnum) code!: BrowserModeReasonCode;
  @Field() message!: string;
}

@ObjectType('BrowserProfileManifest', {
  description: "The signed identity the pages must show before any action (C-41), from the account's stored identity",
})
export class BrowserProfileManifestModel {
  @Field() handle!: string;
  @Field() externalAccountId!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() issuedAt!: Date;
}

@ObjectType('BrowserProfileOperator', { description: 'An operator named on a browser profile' })
export class BrowserProfileOperatorModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'null when the operator is no longer on the client' })
  displayName!: string | null;
}

@ObjectType('BrowserProfileCheck', { description: "The runner's last self-check of the profile's pages" })
export class BrowserProfileCheckModel {
  @Field() ok!: boolean;
  @Field(() => BrowserStopKindEnum, { nullable: true }) stopKind!: BrowserStopKind | null;
  @Field(() => String, { nullable: true, description: 'what happened and what to do (null when ok)' })
  stopMessage!: string | null;
  @Field(() => [String], { description: 'selector keys missing or changed on the page (drift)' })
  missingSelectors!: string[];
  @Field(() => String, { nullable: true, description: 'the handle the page showed, when it could be read' })
  observedHandle!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

/**
 * A platform account's browser profile (issue #17) as operators see it: identity, mode and who decided it. The
 * storage state (cookies, local storage) is a live session and has no field here, by design (C-40).
 */
@ObjectType('BrowserProfile')
export class BrowserProfileModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) platformAccountId!: string;
  @Field(() => BrowserProfileModeEnum) mode!: BrowserProfileMode;
  @Field(() => BrowserProfileReasonModel, { nullable: true }) modeReason!: BrowserProfileReasonModel | null;
  @Field(() => HybridWriterEnum, { description: 'on the hybrid lane, which side publishes; the other reads back' })
  hybridWriter!: HybridWriter;
  @Field(() => BrowserProfileManifestModel, {
    nullable: true,
    description: 'null when the stored manifest does not even parse (then manifestValid is false)',
  })
  manifest!: BrowserProfileManifestModel | null;
  @Field({ description: 'the manifest signature verifies for this profile; false: the runner refuses it, re-attach' })
  manifestValid!: boolean;
  @Field(() => BrowserProfileOperatorModel, { nullable: true })
  sideEffectsRequestedBy!: BrowserProfileOperatorModel | null;
  @Field(() => Date, { nullable: true }) sideEffectsRequestedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "the requester's note to the approving Admin" })
  sideEffectsNote!: string | null;
  @Field(() => BrowserProfileOperatorModel, { nullable: true })
  sideEffectsApprovedBy!: BrowserProfileOperatorModel | null;
  @Field(() => Date, { nullable: true }) sideEffectsApprovedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'the runner that holds the profile' }) runnerId!: string | null;
  @Field(() => Date, { nullable: true }) lastCheckAt!: Date | null;
  @Field(() => BrowserProfileCheckModel, { nullable: true }) lastCheck!: BrowserProfileCheckModel | null;
  @Field(() => String, { nullable: true, description: 'e.g. sandbox@v1' }) selectorMapVersion!: string | null;
}
