import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { KEYED_PROVIDERS } from '../../../../core/providers/keys';

/** A key entered once: written to the secrets backend, never shown again. One of clientId or agencyId. */
@InputType()
export class SetProviderKeyInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() clientId?: string;
  @Field(() => ID, { nullable: true, description: 'set the agency fallback key (without clientId)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @Field() @IsIn(KEYED_PROVIDERS) provider!: string;
  // The messages name the rule, never the value (C-13).
  @Field()
  @IsString()
  @Length(8, 512, { message: 'apiKey must be 8 to 512 characters long' })
  @Matches(/^[\x21-\x7e]+$/, { message: 'apiKey may hold printable characters only, without spaces' })
  apiKey!: string;
}
