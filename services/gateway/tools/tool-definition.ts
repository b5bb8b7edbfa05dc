import { z } from 'zod';
import type { ToolDefinition, ToolHandler } from '../tool.types';

/**
 * Above this much JSON a tool's result goes to the artifact store and only its summary returns (C-39): 16 KiB is a
 * few pages of text, plenty for a summary-first answer and small enough not to flood a model's context.
 */
export const DEFAULT_MAX_INLINE_BYTES = 16 * 1024;

/** What a tool file states about itself; the version, input schema and inline limit are filled in here. */
export type ToolSpec = Omit<ToolDefinition, 'version' | 'inputSchema' | 'maxInlineBytes'> & {
  /** bump when the definition changes: the registry refuses a changed definition under a signed version (C-37) */
  version?: number;
  maxInlineBytes?: number;
};

/**
 * A tool from its spec, its zod input and its run function. The registry's JSON Schema is generated from the same
 * zod schema the handler parses with, so the two can never disagree.
 */
export function defineTool<S extends z.ZodType>(spec: ToolSpec, input: S, run: ToolHandler<S>['run']): ToolHandler<S> {
  const { version, maxInlineBytes, ...rest } = spec;
  return {
    definition: {
      ...rest,
      version: version ?? 1,
      inputSchema: z.toJSONSchema(input, { target: 'draft-2020-12' }) as Record<string, unknown>,
      maxInlineBytes: maxInlineBytes ?? DEFAULT_MAX_INLINE_BYTES,
    },
    input,
    run,
  };
}
