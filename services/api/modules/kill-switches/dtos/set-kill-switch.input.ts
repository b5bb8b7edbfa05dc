import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { KILL_SWITCH_SCOPES, KillSwitchScope } from '../../../../core/database/entities/kill-switch.entity';

@InputType()
export class SetKillSwitchInput {
  @Field(() => String) @IsIn([...KILL_SWITCH_SCOPES]) scope!: KillSwitchScope;
  @Field(() => ID, { nullable: true, description: 'the agency, client or account id; omitted for global' })
  @IsOptional()
  @IsUUID()
  scopeId?: string;
  @Field() @IsBoolean() engaged!: boolean;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) reason?: string;
}
