import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsUUID, MaxLength, Validate } from 'class-validator';
import { TimeZoneConstraint } from '../../../validation/time-zone.constraint';

@InputType()
export class CreateClientInput {
  @Field(() => ID) @IsUUID() agencyId!: string;
  @Field() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field({ defaultValue: 'UTC' }) @Validate(TimeZoneConstraint) timezone!: string;
}
