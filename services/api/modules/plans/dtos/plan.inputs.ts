import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PLAN_FORMATS } from '../../../../../workflows/contracts/vocabulary/plan-status';
import type { PlanFormat } from '../../../../../workflows/contracts/vocabulary/plan-status';
import { MAX_ITEM_ACCOUNTS, PLAN_TIMINGS } from '../../../../core/plans/plan-request';
import type { PlanTiming } from '../../../../core/plans/plan-request';
import { PlanFormatEnum, PlanTimingEnum } from '../plan.model';

// The first check of the input's shape; the service parses the whole request with the plan's zod schema too
// (services/core/plans/plan-request.ts), which also decides what no single field can (ranges, duplicates).

@InputType()
export class PlanTargetInput {
  @Field(() => ID) @IsUUID() platformAccountId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(28) postsPerWeek!: number;
  @Field(() => [String], { nullable: true, description: 'local posting times HH:MM; default 09:30' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { each: true })
  postingTimes?: string[];
  @Field(() => PlanTimingEnum, {
    nullable: true,
    description: "posting_times (default): the times above; queue: the account's free queue slots",
  })
  @IsOptional()
  @IsIn(PLAN_TIMINGS)
  timing?: PlanTiming;
  @Field(() => [ID], {
    nullable: true,
    description: "other accounts of the client that each of this target's items also goes out on, at the same time",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEM_ACCOUNTS - 1)
  @IsUUID('all', { each: true })
  crossPostAccountIds?: string[];
}

@InputType()
export class PlanPillarInput {
  @Field() @IsString() @MinLength(1) @MaxLength(60) name!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) weight!: number;
}

@InputType()
export class PlatformFormatsInput {
  @Field() @IsString() @MaxLength(40) platform!: string;
  @Field(() => [PlanFormatEnum]) @IsArray() @IsIn(PLAN_FORMATS, { each: true }) formats!: PlanFormat[];
}

@InputType()
export class PlanTemplateFields {
  @Field() @IsString() @MinLength(1) @MaxLength(2000) goals!: string;
  @Field(() => [PlanTargetInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlanTargetInput)
  targets!: PlanTargetInput[];
  @Field(() => [PlanPillarInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => PlanPillarInput)
  pillars!: PlanPillarInput[];
  @Field(() => [PlatformFormatsInput], { nullable: true, description: 'formats allowed per platform; default text' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlatformFormatsInput)
  formats?: PlatformFormatsInput[];
  @Field({ defaultValue: true }) @IsBoolean() requiresApproval!: boolean;
}

@InputType()
export class CreatePlanInput extends PlanTemplateFields {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ description: "first local date (YYYY-MM-DD) in the client's timezone, included" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startDate!: string;
  @Field({ description: "last local date (YYYY-MM-DD) in the client's timezone, included" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  endDate!: string;
}

@InputType()
export class SetRecurringPlanningInput extends PlanTemplateFields {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ description: 'weekly (plans next week, on Thursdays) or monthly (plans next month, on the 20th)' })
  @IsIn(['weekly', 'monthly'])
  cadence!: 'weekly' | 'monthly';
}

@InputType()
export class PlanDecisionInput {
  @Field(() => ID) @IsUUID() planId!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
}
