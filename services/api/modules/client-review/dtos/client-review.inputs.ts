import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

@InputType()
export class AddClientReviewerInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @Field({ description: 'where review links and one-time codes are sent' })
  @IsEmail({ allow_display_name: false, require_tld: false })
  @MaxLength(254)
  email!: string;
}

@InputType()
export class ClientReviewerRefInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() reviewerId!: string;
}

@InputType()
export class CreateReviewLinkInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() reviewerId!: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'a batch of posts; omitted: every post of the client that waits for the client',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  postIds?: string[];
  @Field(() => Int, { nullable: true, description: 'days until the link expires (1–90, default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  expiresInDays?: number;
  @Field({ nullable: true, description: 'ask for a one-time code sent to the reviewer’s email when the link opens' })
  @IsOptional()
  @IsBoolean()
  requireCode?: boolean;
  @Field({ nullable: true, description: 'email the link to the reviewer now' })
  @IsOptional()
  @IsBoolean()
  sendEmail?: boolean;
}

@InputType()
export class ReviewLinkRefInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field(() => ID) @IsUUID() linkId!: string;
}
