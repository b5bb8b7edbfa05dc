import { registerEnumType } from '@nestjs/graphql';
import { TOOL_NAMES, type ToolName } from '../../../../workflows/contracts/vocabulary/gateway';

/** The gateway's tools as a GraphQL enum (the names are valid enum values as they are: `post_draft`). */
export const GatewayToolEnum = Object.fromEntries(TOOL_NAMES.map((t) => [t, t])) as Record<ToolName, ToolName>;

registerEnumType(GatewayToolEnum, {
  name: 'GatewayTool',
  description: 'A tool of the MCP tool gateway (workflows/contracts/vocabulary/gateway.ts)',
});
