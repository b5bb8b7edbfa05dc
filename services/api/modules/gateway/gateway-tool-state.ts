/**
 * A tool's standing in the registry: `signed` (loaded and served) or `refused` (unsigned, not in the registry yet, a
 * signature that does not match, or a definition that is not valid: the reason says which).
 */
export const GATEWAY_TOOL_STATES = ['signed', 'refused'] as const;
export type GatewayToolState = (typeof GATEWAY_TOOL_STATES)[number];
