import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { PROVIDER_IDS } from '../../../../core/providers/provider.types';
import { PRESENTER_ID, PRESENTER_ID_RULE } from '../../../../core/providers/settings/avatar-presenter';
import { OptionalNotNull } from '../../../validation/optional-not-null.decorator';

@InputType()
export class AiStepContractInput {
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(20) maxDepth?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(1000) maxToolCalls?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(10_000_000) maxTokens?: number;
  @Field(() => Float, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  maxCostMicros?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(86_400_000) maxWallMs?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(50) maxRevisions?: number;
}

@InputType()
export class PreferredProvidersInput {
  @Field({ nullable: true }) @OptionalNotNull() @IsIn(PROVIDER_IDS) text?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsIn(PROVIDER_IDS) image?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsIn(PROVIDER_IDS) video?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsIn(PROVIDER_IDS) avatar?: string;
}

/** A HeyGen avatar and voice, both at once: half a presenter renders nothing. */
@InputType()
export class AvatarPresenterInput {
  @Field()
  @IsString()
  @Matches(PRESENTER_ID, { message: `presenter.avatarId must be ${PRESENTER_ID_RULE} (the id HeyGen shows)` })
  avatarId!: string;
  @Field()
  @IsString()
  @Matches(PRESENTER_ID, { message: `presenter.voiceId must be ${PRESENTER_ID_RULE} (the id HeyGen shows)` })
  voiceId!: string;
}

/** Every field is optional: left out, it keeps its value. */
@InputType()
export class UpdateAiSettingsInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Float, { nullable: true, description: 'micro-USD per month' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  monthlyBudgetMicros?: number;
  @Field(() => AiStepContractInput, { nullable: true })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => AiStepContractInput)
  contract?: AiStepContractInput;
  @Field(() => PreferredProvidersInput, { nullable: true })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => PreferredProvidersInput)
  preferred?: PreferredProvidersInput;
  // Null is a value here (it removes the presenter), so IsOptional rather than OptionalNotNull.
  @Field(() => AvatarPresenterInput, {
    nullable: true,
    description: 'the avatar and voice of avatar videos; null removes them, left out keeps them',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AvatarPresenterInput)
  presenter?: AvatarPresenterInput | null;
}
