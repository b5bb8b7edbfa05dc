import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsHexadecimal, IsNotEmpty, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class ApproveItemInput {
  @Field(() => ID) @IsUUID() itemId!: string;
  @Field({ description: "the checksum of the content the reviewer's page displayed; a mismatch is refused (C-23)" })
  @IsHexadecimal()
  @Length(64, 64)
  assetChecksum!: string;
}

@InputType()
export class RequestItemChangesInput {
  @Field(() => ID) @IsUUID() itemId!: string;
  @Field({ description: 'what the creator should change; stored with the decision, never in workflow history' })
  @IsNotEmpty()
  @MaxLength(2000)
  feedback!: string;
}

@InputType()
export class RejectItemInput {
  @Field(() => ID) @IsUUID() itemId!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(2000) reason?: string;
}

@InputType()
export class EditItemTextInput {
  @Field(() => ID) @IsUUID() itemId!: string;
  @Field() @IsNotEmpty() @MaxLength(5000) text!: string;
}

@ArgsType()
export class ReviewQueueArgs {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => Int, { defaultValue: 20 }) @Min(1) @Max(100) first!: number;
  @Field({ nullable: true, description: 'the endCursor of the page before' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}
