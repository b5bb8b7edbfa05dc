import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_LINK_DAYS } from '../../../../core/reports/report-link-token';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class GenerateReportInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD in the client’s timezone; with `to`, or neither for last month' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, included; at most a year after `from`' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;
  @Field({ nullable: true, description: 'mail it to the report recipients once ready (default: no)' })
  @IsOptional()
  @IsBoolean()
  deliver?: boolean;
}

@InputType()
export class CreateReportLinkInput {
  @Field(() => ID) @IsUUID() reportId!: string;
  @Field(() => Int, { defaultValue: 30, description: `days until the link stops working (1–${MAX_LINK_DAYS})` })
  @IsInt()
  @Min(1)
  @Max(MAX_LINK_DAYS)
  expiresInDays!: number;
}

@InputType()
export class ReportLinkRefInput {
  @Field(() => ID) @IsUUID() linkId!: string;
}

@InputType()
export class SetReportScheduleInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsBoolean() enabled!: boolean;
  @Field(() => [String], { description: 'bare addresses (name@example.com), at most 20' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  recipients!: string[];
  @Field(() => Int, {
    defaultValue: 1,
    description: 'the day of the month (1–28) the previous month’s report goes out',
  })
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth!: number;
}

@ArgsType()
export class ReportsArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(200) limit!: number;
}
