/**
 * The MCP tool gateway's words (issue #16), defined once: the tools it can serve, who calls it (task classes and
 * agent roles), and the codes of its refusals. The allowlists themselves are policy data (policies/raize/gateway).
 */
export const TOOL_NAMES = [
  // tools for AI steps and assistants
  'kb_search',
  'web_fetch',
  'brand_kit',
  'text_generate',
  'image_generate',
  'analytics_query',
  'post_draft',
  'reply_propose',
  // Raize's own operations for an operator's assistant
  'clients_list',
  'posts_list',
  'calendar_read',
  'inbox_read',
  'post_schedule',
  // off unless an Admin turns scripts on for the agency (C-38)
  'script_run',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/**
 * Who calls: an activity of an episode (a token Raize mints per activity) or an operator's assistant (a scoped API
 * token). The task class names the episode step; `assistant` is an outside agent acting as its operator.
 */
export const TASK_CLASSES = ['planning', 'creation', 'engagement', 'assistant'] as const;
export type TaskClass = (typeof TASK_CLASSES)[number];

/** The agent role of an activity caller: the AI step that calls. Assistants carry the operator's role instead. */
export const AGENT_ROLES = ['planner', 'creator', 'router', 'drafter'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** Why the gateway refused a call (audited with the call's digest; stable: tests and alerts match on them). */
export const GATEWAY_REFUSALS = [
  'unauthenticated',
  'tool_not_allowed',
  'tenant_disabled',
  'unknown_tool',
  'invalid_input',
  'rate_limited',
  'budget_exhausted',
  'policy_error',
  'scripts_disabled',
  'client_not_allowed',
  'tool_failed',
] as const;
export type GatewayRefusal = (typeof GATEWAY_REFUSALS)[number];

/** Why a registry entry was refused at load (C-37). */
export const REGISTRY_REFUSALS = ['unsigned', 'bad_signature', 'unknown_tool', 'invalid_definition'] as const;
export type RegistryRefusal = (typeof REGISTRY_REFUSALS)[number];
