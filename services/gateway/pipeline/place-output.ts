import type { RecordedArtifactStore } from '../../core/artifacts/recorded-artifact-store';
import type { ToolOutput } from '../tool.types';
import { refuse } from './gateway-refusal';
import type { CallTarget } from './call-target';

/** What returns to the caller: the result inline, or only the summary and the artifact's key (C-39). */
export interface PlacedOutput {
  result: Record<string, unknown> | null;
  summary: string;
  artifactKey?: string;
  /** the result's JSON, hashed for the audit digest */
  json: Buffer;
}

/**
 * A result whose JSON is larger than the definition allows goes to the artifact store (as the caller, JSON text of
 * the call's client), and only the summary and the key return: a large output never floods the model's context.
 */
export async function placeOutput(
  artifacts: RecordedArtifactStore,
  actor: string,
  target: CallTarget,
  output: ToolOutput,
  maxInlineBytes: number,
): Promise<PlacedOutput> {
  let text: string;
  try {
    text = JSON.stringify(output.result);
  } catch {
    refuse('tool_failed', 'the tool answered with a result that is not JSON');
  }
  if (typeof text !== 'string') refuse('tool_failed', 'the tool answered with no result');
  const json = Buffer.from(text, 'utf8');
  const summary = typeof output.summary === 'string' ? output.summary.slice(0, 4000) : '';
  if (json.length <= maxInlineBytes) return { result: output.result, summary, json };
  if (!target.clientId) refuse('tool_failed', 'the result is too large to return and has no client to be stored for');
  let key: string;
  try {
    key = (
      await artifacts.as(actor).put({
        agencyId: target.agencyId,
        clientId: target.clientId,
        kind: 'text',
        bytes: json,
        claimedContentType: 'application/json',
      })
    ).key;
  } catch {
    refuse('tool_failed', 'the result is too large to return and could not be stored');
  }
  return { result: null, summary, artifactKey: key, json };
}
