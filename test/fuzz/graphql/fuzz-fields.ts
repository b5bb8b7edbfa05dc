import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';

/** One root field the fuzzer calls: its operation document, with every argument as a variable. */
export interface FuzzField {
  operation: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
  document: string;
}

/**
 * The API's schema as committed (schema/schema.graphql, which `npm run schema:check` keeps equal to what the running
 * API serves), read synchronously so each field becomes a test of its own when the file is collected.
 */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
}

/**
 * Every query and mutation that takes arguments. The selection asks for the result's own leaf fields (those without
 * required arguments) so the field resolvers behind them run on whatever the input produced, not just the root.
 */
export function fieldsWithArguments(schema: GraphQLSchema): FuzzField[] {
  const out: FuzzField[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (!field.args.length) continue;
      const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      out.push({
        operation,
        name: field.name,
        field,
        document: `${operation} Fuzz(${defs}) { ${field.name}(${args})${selectionOf(field)} }`,
      });
    }
  }
  return out;
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type) || !isObjectType(type)) return isLeafType(type) ? '' : ' { __typename }';
  const leaves = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name);
  return ` { __typename ${leaves.join(' ')} }`;
}
