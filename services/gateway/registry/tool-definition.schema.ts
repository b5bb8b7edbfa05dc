import { z } from 'zod';
import { TOOL_NAMES } from '../../../workflows/contracts/vocabulary/gateway';
import { TOOL_CLASSES } from '../tool.types';
import type { ToolDefinition } from '../tool.types';

/** A result larger than this never returns inline, whatever a definition says (C-39). */
export const MAX_INLINE_BYTES_CEILING = 256 * 1024;

/** The shape a registry row's definition must have before it is verified further (C-37). */
export const toolDefinitionSchema = z
  .object({
    name: z.enum(TOOL_NAMES),
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    description: z.string().min(1).max(4000),
    class: z.enum(TOOL_CLASSES),
    takesClient: z.boolean(),
    inputSchema: z.record(z.string(), z.unknown()).refine((s) => s.type === 'object', 'must describe an object'),
    maxInlineBytes: z.number().int().min(1).max(MAX_INLINE_BYTES_CEILING),
  })
  .strict();

/** The definition a row holds, or the reason it is not one. */
export function parseToolDefinition(
  raw: unknown,
): { ok: true; definition: ToolDefinition } | { ok: false; detail: string } {
  const parsed = toolDefinitionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(definition)'}: ${i.message}`)
    .join('; ');
  return { ok: false, detail };
}
