import type { ASTVisitor, FieldNode, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql';
import { GraphQLError, Kind } from 'graphql';

/**
 * Depth and cost limits (C-10): a query nested deeper than `maxDepth`, or selecting more than `maxCost`
 * fields in all (list fields count `listFactor` times), is refused before it runs.
 */
export function queryLimits(maxDepth = 10, maxCost = 2000, listFactor = 10) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const measure = (
      set: SelectionSetNode | undefined,
      depth: number,
      seen: Set<string>,
    ): { depth: number; cost: number } => {
      if (!set) return { depth, cost: 0 };
      let maxD = depth;
      let cost = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const inner = measure((sel as FieldNode).selectionSet, depth + 1, seen);
          maxD = Math.max(maxD, inner.depth);
          cost += 1 + inner.cost * (sel.selectionSet ? listFactor : 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const inner = measure(sel.selectionSet, depth, seen);
          maxD = Math.max(maxD, inner.depth);
          cost += inner.cost;
        } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
          const f = fragments.get(sel.name.value);
          const inner = measure(f?.selectionSet, depth, new Set([...seen, sel.name.value]));
          maxD = Math.max(maxD, inner.depth);
          cost += inner.cost;
        }
      }
      return { depth: maxD, cost };
    };
    return {
      OperationDefinition(node) {
        const { depth, cost } = measure(node.selectionSet, 0, new Set());
        if (depth > maxDepth)
          context.reportError(
            new GraphQLError(`query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
        else if (cost > maxCost)
          context.reportError(
            new GraphQLError(`query would cost ${cost}; the limit is ${maxCost}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
      },
    };
  };
}
