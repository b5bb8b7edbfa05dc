import fc from 'fast-check';
import type { GraphQLArgument, GraphQLInputField, GraphQLInputType } from 'graphql';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import type { FuzzPools } from '../fuzz-pools';
import { anyInstant, hostileFloat, hostileInt, hostileString, wrongKind } from '../hostile-values';
import { foreignId, futureInstant, ownId, wellFormedFloat, wellFormedInt, wellFormedString } from './well-formed';

/** Left out of the object it would be a field of (a missing field, not a null one). */
const OMIT = Symbol('omit');

/**
 * Weights of each branch: mostly well-formed, so most calls reach the code behind the format checks, with one
 * hostile value of the right kind in about one leaf of five, a value of another JSON type now and then, and nulls
 * where the schema allows them and (rarely) where it does not.
 */
const W = { good: 16, hostile: 3, wrongKind: 1, nullable: 2, nullInNonNull: 1, omitOptional: 16, omitRequired: 1 };

const MALFORMED_IDS = fc.constantFrom(
  '',
  'not-a-uuid',
  "1' OR '1'='1",
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '00000000-0000-4000-8000-000000000000\u0000',
  ' 00000000-0000-4000-8000-000000000000 ',
  '../../etc/passwd',
  '123',
);

/** Large lists repeat one generated element: a list of 2,000 distinct long strings would only measure JSON. */
const manyOf = (elem: fc.Arbitrary<unknown>) =>
  fc
    .tuple(elem, fc.integer({ min: 100, max: 2000 }))
    .map(([e, n]) => (JSON.stringify(e ?? null).length > 1000 ? [e, e] : Array.from({ length: n }, () => e)));

export class InputArbitraries {
  constructor(private readonly pools: FuzzPools) {}

  /** The variables of a call: one per argument, optional ones often left out (their defaults apply). */
  variables(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
    return this.fields(args);
  }

  private fields(
    fields: readonly (GraphQLArgument | GraphQLInputField)[],
    depth = 0,
  ): fc.Arbitrary<Record<string, unknown>> {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      model[f.name] = fc.oneof(
        { weight: W.good, arbitrary: this.value(f.type, f.name, depth) },
        { weight: required ? W.omitRequired : W.omitOptional, arbitrary: fc.constant(OMIT) },
      );
    }
    return fc
      .record(model)
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== OMIT)) as Record<string, unknown>);
  }

  private value(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
    if (isNonNullType(type))
      return fc.oneof(
        { weight: W.good * 2, arbitrary: this.core(type.ofType, name, depth) },
        { weight: W.nullInNonNull, arbitrary: fc.constant(null) },
      );
    return fc.oneof(
      { weight: W.good, arbitrary: this.core(type, name, depth) },
      { weight: W.nullable, arbitrary: fc.constant(null) },
    );
  }

  private core(type: GraphQLInputType, name: string, depth: number): fc.Arbitrary<unknown> {
    const wrong = { weight: W.wrongKind, arbitrary: wrongKind };
    if (isNonNullType(type)) return this.core(type.ofType, name, depth);
    if (isListType(type)) {
      const elem = this.value(type.ofType, name, depth + 1);
      return fc.oneof(
        { weight: W.good, arbitrary: fc.array(elem, { maxLength: 3 }) },
        { weight: 1, arbitrary: manyOf(elem) },
        // A single value where a list is expected: GraphQL coerces it to a list of one.
        { weight: 1, arbitrary: elem },
        wrong,
      );
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return fc.constant({});
      const object = this.fields(Object.values(type.getFields()), depth + 1);
      return fc.oneof(
        { weight: W.good, arbitrary: object },
        {
          weight: 1,
          arbitrary: fc
            .tuple(object, fc.constantFrom('unexpected', '__proto__', 'constructor', 'id'), wrongKind)
            .map(([o, k, v]) => ({ ...o, [k]: v })),
        },
        wrong,
      );
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return fc.oneof(
        { weight: W.good, arbitrary: fc.constantFrom(...values) },
        { weight: W.hostile, arbitrary: fc.constantFrom('NOT_A_VALUE', values[0]!.toLowerCase(), '', `${values[0]} `) },
        wrong,
      );
    }
    const scalar = getNamedType(type).name;
    const [good, hostile] = this.scalar(scalar, name);
    return fc.oneof({ weight: W.good, arbitrary: good }, { weight: W.hostile, arbitrary: hostile }, wrong);
  }

  private scalar(scalar: string, name: string): [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>] {
    switch (scalar) {
      case 'ID':
        return [
          ownId(name, this.pools),
          fc.oneof(foreignId(name, this.pools), MALFORMED_IDS, hostileString, fc.integer()),
        ];
      case 'Int':
        return [wellFormedInt(name), hostileInt];
      case 'Float':
        return [wellFormedFloat(), hostileFloat];
      case 'Boolean':
        return [fc.boolean(), fc.constantFrom('true', 1, 0)];
      case 'DateTime':
        return [futureInstant, fc.oneof(anyInstant, hostileString, hostileInt)];
      default:
        return [wellFormedString(name, this.pools), hostileString];
    }
  }
}
