import type { ToolName } from '../../../workflows/contracts/vocabulary/gateway';
import type { ActivityCaller } from './caller';

/** Who an activity is, for the token its gateway calls carry. */
export type ActivityIdentity = Omit<ActivityCaller, 'kind' | 'tokenId'>;

/** A tool's answer as the caller sees it: the structured result, or the gateway's refusal with its code. */
export type ToolCallResult<T> =
  | { ok: true; result: T; artifactRef?: string }
  | { ok: false; code: string; message: string };

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
