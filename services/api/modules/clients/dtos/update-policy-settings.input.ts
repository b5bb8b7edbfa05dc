import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PLATFORM_IDS } from '../../../../../workflows/contracts/vocabulary/platform-id';
import type { AutonomyLevel } from '../../../../core/database/entities';
import type { ApprovalStage } from '../../../../../workflows/contracts/vocabulary/client-review';
import { APPROVAL_STAGES } from '../../../../../workflows/contracts/vocabulary/client-review';

/** The actions approval stages apply to; the client reviews posts only (its stage is for publish). */
export const STAGED_ACTIONS = ['publish', 'reply', 'dm'] as const;

const AUTONOMY: AutonomyLevel[] = ['manual', 'assisted', 'autonomous'];
import { ApprovalStageEnum, PlatformIdEnum } from '../../../schema/enums';
import { OptionalNotNull } from '../../../validation/optional-not-null.decorator';

@InputType()
export class PlatformSpendCapInput {
  @Field(() => PlatformIdEnum) @IsIn(PLATFORM_IDS) platform!: string;
  @Field(() => Float, { description: 'US dollars per calendar month' })
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  monthlyUsd!: number;
}

/** Which approvals one action needs on one platform ("default": every platform without its own rule). */
@InputType()
export class ApprovalStageRuleInput {
  @Field({ description: 'publish, reply or dm' }) @IsIn(STAGED_ACTIONS) action!: string;
  @Field({ description: 'a platform id, or "default"' }) @IsIn([...PLATFORM_IDS, 'default']) platform!: string;
  @Field(() => ApprovalStageEnum) @IsIn(APPROVAL_STAGES) stage!: ApprovalStage;
}

/** Every setting is optional: left out, it keeps its value; `null` is refused with a clear message (C-15). */
@InputType()
export class UpdatePolicySettingsInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsIn(['manual', 'assisted', 'autonomous']) publishAutonomy?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsBoolean() fourEyes?: boolean;
  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  maxPublishesPerAccountPerDay?: number;
  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  latenessCutoffSeconds?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(23) quietHoursStart?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(23) quietHoursEnd?: number;
  @Field({ nullable: true }) @OptionalNotNull() @IsBoolean() clearQuietHours?: boolean;
  @Field(() => [PlatformSpendCapInput], {
    nullable: true,
    description: 'replaces the monthly spend caps (an empty list removes them)',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(PLATFORM_IDS.length)
  @ValidateNested({ each: true })
  @Type(() => PlatformSpendCapInput)
  platformSpendCaps?: PlatformSpendCapInput[];
  @Field(() => String, { nullable: true }) @OptionalNotNull() @IsIn(AUTONOMY) replyAutonomy?: AutonomyLevel;
  @Field(() => String, { nullable: true }) @OptionalNotNull() @IsIn(AUTONOMY) dmAutonomy?: AutonomyLevel;
  @Field(() => String, { nullable: true }) @OptionalNotNull() @IsIn(AUTONOMY) likeAutonomy?: AutonomyLevel;
  @Field(() => String, { nullable: true }) @OptionalNotNull() @IsIn(AUTONOMY) hideAutonomy?: AutonomyLevel;
  @Field(() => String, { nullable: true }) @OptionalNotNull() @IsIn(['rules', 'llm']) engagementClassifier?:
    'rules' | 'llm';
  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsIn(['templates', 'llm'])
  engagementDrafter?: 'templates' | 'llm';
  @Field(() => [String], { nullable: true, description: 'replaces the domains a reply may link to' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
    each: true,
    message: 'replyLinkAllowlist: bare domain names like example.com',
  })
  replyLinkAllowlist?: string[];
  @Field(() => [ApprovalStageRuleInput], {
    nullable: true,
    description: 'replaces the approval stages (an empty list removes them: the autonomy alone decides)',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(STAGED_ACTIONS.length * (PLATFORM_IDS.length + 1))
  @ValidateNested({ each: true })
  @Type(() => ApprovalStageRuleInput)
  approvalStages?: ApprovalStageRuleInput[];
}
