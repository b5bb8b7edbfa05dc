import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { KEYED_PROVIDERS } from '../../../../core/providers/keys';

@InputType()
export class RemoveProviderKeyInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string;
  @Field() @IsIn(KEYED_PROVIDERS) provider!: string;
}
