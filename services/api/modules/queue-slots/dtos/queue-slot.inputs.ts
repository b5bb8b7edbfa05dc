import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType()
export class CreateQueueSlotInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() platformAccountId!: string;
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday' }) @IsInt() @Min(0) @Max(6) weekday!: number;
  @Field({ description: 'HH:MM, 24-hour, local to the client' })
  @Matches(HH_MM, { message: 'time must be HH:MM (24-hour)' })
  time!: string;
}

@InputType()
export class UpdateQueueSlotInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() slotId!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(6) weekday!: number;
  @Field() @Matches(HH_MM, { message: 'time must be HH:MM (24-hour)' }) time!: string;
}

@InputType()
export class DeleteQueueSlotInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() slotId!: string;
}

@ArgsType()
export class QueueSlotsArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() platformAccountId?: string;
}

@ArgsType()
export class NextFreeSlotsArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() platformAccountId!: string;
  @Field(() => Int, { defaultValue: 5 }) @IsInt() @Min(1) @Max(50) count!: number;
}
