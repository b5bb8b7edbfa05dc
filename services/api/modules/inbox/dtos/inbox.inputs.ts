import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { ConversationStatus, Intent, Sentiment } from '../../../../../workflows/contracts/vocabulary/engagement';
import { CONVERSATION_STATUSES, INTENTS, SENTIMENTS } from '../../../../../workflows/contracts/vocabulary/engagement';
import { ConversationStatusEnum, IntentEnum, SentimentEnum } from '../inbox.model';

export const MAX_INBOX_PAGE = 100;

@ArgsType()
export class InboxArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ConversationStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) platform?: string;
  @Field(() => IntentEnum, { nullable: true }) @IsOptional() @IsIn(INTENTS) intent?: Intent;
  @Field(() => SentimentEnum, { nullable: true }) @IsOptional() @IsIn(SENTIMENTS) sentiment?: Sentiment;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() assigneeId?: string;
  @Field({ nullable: true, description: 'only conversations past their SLA deadline' })
  @IsOptional()
  @IsBoolean()
  breached?: boolean;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(MAX_INBOX_PAGE) first!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class ConversationArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class AssignConversationInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field(() => ID, { nullable: true, description: 'null unassigns' }) @IsOptional() @IsUUID() assigneeId?:
    string | null;
}

@InputType()
export class ConversationNoteInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(4000) text!: string;
}

@InputType()
export class ConversationStatusInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class SavedReplyInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(120) title!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(2000) text!: string;
}

@InputType()
export class DeleteSavedReplyInput {
  @Field(() => ID) @IsUUID() id!: string;
}
