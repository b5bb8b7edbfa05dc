import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GATEWAY_TOOL_STATES, type GatewayToolState } from '../gateway-tool-state';

/** One tool of the registry as the gateway would load it now (C-37). */
@ObjectType('GatewayToolStatus')
export class GatewayToolStatusModel {
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) version!: number | null;
  @Field(() => String, { description: GATEWAY_TOOL_STATES.join(' | ') }) state!: GatewayToolState;
  @Field(() => String, { nullable: true, description: 'what the tool does (signed tools only)' }) title!: string | null;
  @Field(() => String, { nullable: true, description: 'read | generate | draft | operate | script' })
  toolClass!: string | null;
  @Field(() => String, { nullable: true, description: 'why it was refused at load (a REGISTRY_REFUSALS code)' })
  reason!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

/** The registry and where assistants connect. */
@ObjectType('GatewayTools')
export class GatewayToolsModel {
  @Field({ description: 'the MCP endpoint (Streamable HTTP) an assistant connects to' }) url!: string;
  @Field(() => [GatewayToolStatusModel]) tools!: GatewayToolStatusModel[];
}
