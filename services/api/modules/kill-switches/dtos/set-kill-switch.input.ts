import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class SetKillSwitchInput {
  @Field() @IsIn(['global', 'agency', 'client', 'account']) scope!: 'global' | 'agency' | 'client' | 'account';
  @Field(() => ID, { nullable: true, description: 'the agency, client or account id; omitted for global' }) @IsOptional() @IsUUID() scopeId?: string;
  @Field() @IsBoolean() engaged!: boolean;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) reason?: string;
}
