import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType()
export class UpdatePolicySettingsInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['manual', 'assisted', 'autonomous']) publishAutonomy?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() fourEyes?: boolean;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  maxPublishesPerAccountPerDay?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  latenessCutoffSeconds?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(23) quietHoursStart?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(23) quietHoursEnd?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() clearQuietHours?: boolean;
}
