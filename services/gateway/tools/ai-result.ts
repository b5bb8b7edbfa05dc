import type { AiCallResult } from '../../core/providers/provider-gateway.port';
import type { ToolOutput } from '../tool.types';

/**
 * The provider gateway's answer as the tool's result, unchanged (helper activities read back exactly what the
 * provider gateway gave them before): small text inline, media and long text as artifact references, or the wait.
 */
export function aiOutput(kind: 'text' | 'image', res: AiCallResult): ToolOutput {
  if (!res.ok) return { result: { ...res }, summary: `No ${kind} generated: ${res.wait.code} (${res.wait.message}).` };
  const what =
    kind === 'image'
      ? `an image (${res.artifact?.contentType ?? 'no artifact'}, ${res.artifact?.size ?? 0} bytes)`
      : `${res.text?.length ?? 0} characters of text${res.artifact ? ' (the whole text is in the artifact store)' : ''}`;
  return {
    result: { ...res },
    summary: `Generated ${what} with ${res.provider}/${res.model}.`,
    costUsdMicros: res.usage.costMicros,
  };
}
