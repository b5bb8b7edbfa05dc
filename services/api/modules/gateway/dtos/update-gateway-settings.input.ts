import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TOOL_NAMES, type ToolName } from '../../../../../workflows/contracts/vocabulary/gateway';
import { OptionalNotNull } from '../../../validation/optional-not-null.decorator';
import { GatewayToolEnum } from '../gateway-tool.enum';
import { MAX_SCRIPT_DOMAINS } from '../script-domains';

/** Every field but the agency is optional: left out, it keeps its value. */
@InputType()
export class UpdateGatewaySettingsInput {
  @Field(() => ID) @IsUUID() agencyId!: string;
  @Field(() => [GatewayToolEnum], {
    nullable: true,
    description: 'the whole list of tools turned off for the agency (replaces the current one)',
  })
  @OptionalNotNull()
  @ArrayMaxSize(TOOL_NAMES.length)
  @IsIn(TOOL_NAMES, { each: true })
  disabledTools?: ToolName[];
  @Field({ nullable: true }) @OptionalNotNull() @IsBoolean() scriptsEnabled?: boolean;
  @Field({
    nullable: true,
    description: 'must be true to turn scripts on: they run code on Raize and reach the domains listed',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeScriptRisk?: boolean;
  @Field(() => [String], { nullable: true, description: `host names only, at most ${MAX_SCRIPT_DOMAINS}` })
  @OptionalNotNull()
  @ArrayMaxSize(MAX_SCRIPT_DOMAINS)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  scriptDomains?: string[];
  @Field(() => Int, { nullable: true }) @OptionalNotNull() @IsInt() @Min(1) @Max(10_000) callsPerMinute?: number;
  // Null is a value here (it removes the cap), so IsOptional rather than OptionalNotNull.
  @Field(() => Float, {
    nullable: true,
    description: 'micro-USD of tool cost per calendar month (UTC) for the whole agency; null removes the cap',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  monthlyBudgetUsdMicros?: number | null;
}
