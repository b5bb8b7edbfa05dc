/**
 * The MCP tool gateway's port when RAIZE_GATEWAY_PORT is unset (4040 is the local mail catcher's web port), for the
 * gateway process, the local stack and the URL the admin app shows to operators connecting an assistant.
 */
export const DEFAULT_GATEWAY_PORT = 4050;
