import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

@InputType()
export class ApproveReplyInput {
  @Field(() => ID) @IsUUID() replyId!: string;
  @Field({ description: 'the checksum of the draft as shown (C-23)' }) @Matches(/^[0-9a-f]{64}$/) checksum!: string;
  @Field({ nullable: true, description: 'the text as edited; the editor becomes its author' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text?: string;
}

@InputType()
export class RejectReplyInput {
  @Field(() => ID) @IsUUID() replyId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class ReplyToConversationInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(5000) text!: string;
}
