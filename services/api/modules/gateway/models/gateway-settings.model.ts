import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GatewayToolEnum } from '../gateway-tool.enum';
import type { ToolName } from '../../../../../workflows/contracts/vocabulary/gateway';

/** An agency's MCP tool gateway as its Admins set it (flat: scalars and scalar lists only, for the cost limit). */
@ObjectType('GatewaySettings')
export class GatewaySettingsModel {
  @Field(() => ID) agencyId!: string;
  @Field(() => [GatewayToolEnum], {
    description: 'tools turned off for every caller of the agency, whatever their role or task allows',
  })
  disabledTools!: ToolName[];
  @Field({ description: 'script execution (sandboxed, off by default, C-38)' }) scriptsEnabled!: boolean;
  @Field(() => [String], { description: 'the only host names a script may reach' }) scriptDomains!: string[];
  @Field(() => Int, { description: 'calls per minute per caller: an operator (all their assistants) or an episode' })
  callsPerMinute!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'micro-USD of tool cost per calendar month (UTC) for the whole agency; null: no cap',
  })
  monthlyBudgetUsdMicros!: number | null;
  @Field({ description: 'false until an Admin first saves: the defaults apply' }) saved!: boolean;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}
