import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { PROVIDER_IDS } from '../../../../core/providers/provider.types';
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
}
