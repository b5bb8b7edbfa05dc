import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { WebhookEventTypeEnum } from '../webhook-event-type.enum';

// Every input names its owner: a client (clientId) or, for every client of an agency, the agency (agencyId).

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
  @Field({ description: 'https URL; private, loopback and metadata addresses are refused' })
  @IsString()
  @MaxLength(2048)
  url!: string;
  @Field(() => [WebhookEventTypeEnum]) @ArrayMinSize(1) @ArrayMaxSize(20) eventTypes!: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) description?: string;
}

@InputType()
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
  @Field(() => ID) @IsUUID() subscriptionId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2048) url?: string;
  @Field(() => [WebhookEventTypeEnum], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  eventTypes?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) description?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

@InputType()
export class WebhookSubscriptionRefInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
  @Field(() => ID) @IsUUID() subscriptionId!: string;
}

@InputType()
export class RedeliverWebhookInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
  @Field(() => ID) @IsUUID() deliveryId!: string;
}

@ArgsType()
export class WebhookSubscriptionsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
  @Field(() => ID) @IsUUID() subscriptionId!: string;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(200) limit!: number;
}
