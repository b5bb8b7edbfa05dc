import { Field, ID, InputType } from '@nestjs/graphql';
import { IsHexadecimal, IsISO8601, IsOptional, IsUUID, Length, MaxLength, Validate } from 'class-validator';
import { TimeZoneConstraint } from '../../../validation/time-zone.constraint';

@InputType()
export class SchedulePostInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() platformAccountId!: string;
  @Field(() => ID) @IsUUID() assetId!: string;
  @Field({ description: 'ISO 8601 instant with offset, e.g. 2026-11-25T09:00:00+01:00' })
  @IsISO8601({ strict: true })
  scheduledAt!: string;
  @Field({ nullable: true, description: "defaults to the client's timezone" })
  @IsOptional()
  @Validate(TimeZoneConstraint)
  timezone?: string;
}

@InputType()
export class PostDecisionInput {
  @Field(() => ID) @IsUUID() postId!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
}

@InputType()
export class ApprovePostInput {
  @Field(() => ID) @IsUUID() postId!: string;
  @Field({ description: "the checksum of the text the reviewer's page displayed; a mismatch is refused (C-23)" })
  @IsHexadecimal()
  @Length(64, 64)
  assetChecksum!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
}

@InputType()
export class ReschedulePostInput {
  @Field(() => ID) @IsUUID() postId!: string;
  @Field() @IsISO8601({ strict: true }) scheduledAt!: string;
}
