import type { RegistryRefusal } from '../../../workflows/contracts/vocabulary/gateway';
import type { ToolHandler } from '../tool.types';
import { compileInputSchema } from './input-validator';
import type { LoadedTool } from './load-registry';
import { sameDefinition, signatureMatches } from './registry-signature';
import { parseToolDefinition } from './tool-definition.schema';

/** The columns of a registry row that verification reads. */
export interface RegistryRow {
  name: string;
  version: number;
  definition: unknown;
  signature: string | null;
}

export type RowVerdict = { ok: true; tool: LoadedTool } | { ok: false; reason: RegistryRefusal; detail: string };

/**
 * One row's verdict, in the order that trusts nothing unverified: the signature first (C-37), then the shape of what
 * was signed, then that the code serving it is of the same version and content, then that its input schema compiles.
 */
export function verifyRegistryRow(
  row: RegistryRow,
  key: Buffer | undefined,
  handler: ToolHandler | undefined,
): RowVerdict {
  if (!key) return refuse('unsigned', 'no registry signing key in the secrets backend');
  if (!row.signature) return refuse('unsigned', 'the entry carries no signature');
  if (!signatureMatches(key, row.definition, row.signature))
    return refuse(
      'bad_signature',
      'the definition does not match its signature (changed after signing, or another key)',
    );
  const shape = parseToolDefinition(row.definition);
  if (!shape.ok) return refuse('invalid_definition', shape.detail);
  const definition = shape.definition;
  if (definition.name !== row.name || definition.version !== row.version)
    return refuse('invalid_definition', 'the signed definition names another tool or version than its row');
  if (!handler) return refuse('unknown_tool', 'no handler serves this tool');
  if (handler.definition.version !== definition.version)
    return refuse(
      'unknown_tool',
      `the handler serves version ${handler.definition.version}, the registry's newest is ${definition.version}`,
    );
  if (!sameDefinition(handler.definition, definition))
    return refuse('unknown_tool', 'the handler of this version declares another definition (bump its version)');
  let validate: LoadedTool['validate'];
  try {
    validate = compileInputSchema(definition.inputSchema);
  } catch (err) {
    return refuse(
      'invalid_definition',
      `the input schema does not compile: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`,
    );
  }
  return { ok: true, tool: { definition, handler, validate } };
}

function refuse(reason: RegistryRefusal, detail: string): RowVerdict {
  return { ok: false, reason, detail };
}
