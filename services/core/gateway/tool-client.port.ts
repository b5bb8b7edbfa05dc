import type { ToolName } from '../../../workflows/contracts/vocabulary/gateway';
import type { ActivityCaller } from './caller';

/** Who an activity is, for the token its gateway calls carry. */
export type ActivityIdentity = Omit<ActivityCaller, 'kind' | 'tokenId'>;

/**
 * A tool's answer as the caller sees it: the structured result (null when it was too large and went to the artifact
 * store: then only the summary and the artifact's key return, C-39), or the gateway's refusal with its code.
 *
 * On the wire (MCP tools/call): success is `isError: false`, `structuredContent: { ok: true, result, summary,
 * artifactKey? }`, `content: [{ type: 'text', text: summary }]`; a refusal is `isError: true`, `structuredContent:
 * { ok: false, code, message }`, `content: [{ type: 'text', text: 'refused (<code>): <message>' }]`.
 */
export type ToolCallResult<T> =
  { ok: true; result: T | null; summary: string; artifactKey?: string } | { ok: false; code: string; message: string };

/**
 * The one way an activity reaches an agent tool (issue #16): an MCP client of the gateway, with a token minted for
 * the activity. Planning, creation and engagement steps hold this port, never a provider or a repository of a tool.
 */
export interface ToolClient {
  call<T>(who: ActivityIdentity, tool: ToolName, input: Record<string, unknown>): Promise<ToolCallResult<T>>;
  /** the tools the gateway lists to this caller (C-36) */
  list(who: ActivityIdentity): Promise<ToolName[]>;
  close(): Promise<void>;
}
