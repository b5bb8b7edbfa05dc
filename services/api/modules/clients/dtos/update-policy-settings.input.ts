import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../validation/optional-not-null.decorator';

/** Every setting is optional: left out, it keeps its value; `null` is refused with a clear message (C-15). */
@InputType()
export class UpdatePolicySettingsInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsIn(['manual', 'assisted', 'autonomous']) publishAutonomy?: string;
  @Field({ nullable: true }) @OptionalNotNull() @IsBoolean() fourEyes?: boolean;
  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  maxPublishesPerAccountPerDay?: number;
  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  latenessCutoffSeconds?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(23) quietHoursStart?: number;
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(0) @Max(23) quietHoursEnd?: number;
  @Field({ nullable: true }) @OptionalNotNull() @IsBoolean() clearQuietHours?: boolean;
}
