import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type IntrospectionQuery,
} from 'graphql';

export interface MutationCall {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** argument fields the walk had to invent (no value given for their name) */
  invented: string[];
}

/**
 * The walk reads the running API's own schema with the standard introspection query, which is deeper and costlier
 * than the API lets an operator's query be (C-10): a stack that walks raises those two limits for itself.
 */
export const WALK_QUERY_LIMITS = { RAIZE_GRAPHQL_MAX_DEPTH: '20', RAIZE_GRAPHQL_MAX_COST: String(1e15) };

/**
 * Every mutation of the running API's schema (by introspection, not a hand list), each with type-correct variables:
 * a field named in `known` gets that value (a real client, asset, post…), any other required field an invented one,
 * and optional fields are sent only when `known` names them. A mutation added later is walked without a change here.
 */
export async function everyMutation(apiUrl: string, given: Record<string, unknown>): Promise<MutationCall[]> {
  // Well-formed values for fields whose format the API checks before it checks who asks (dates, times, a digest):
  // without them a walked call would stop at BAD_USER_INPUT and never reach the permission it probes.
  const known = { ...WELL_FORMED, ...given };
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await res.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  const mutation = buildClientSchema(body.data).getMutationType();
  if (!mutation) throw new Error('the schema has no mutations');
  return Object.values(mutation.getFields()).map((field) => {
    const invented: string[] = [];
    const value = (type: GraphQLInputType, name: string): unknown => {
      if (isNonNullType(type)) return value(type.ofType, name);
      if (isListType(type)) return name in known ? known[name] : [value(type.ofType, name)];
      if (name in known) return known[name];
      if (isInputObjectType(type)) {
        const out: Record<string, unknown> = {};
        for (const f of Object.values(type.getFields()))
          if (f.name in known || (isNonNullType(f.type) && f.defaultValue === undefined))
            out[f.name] = value(f.type, f.name);
        return out;
      }
      invented.push(name);
      if (isEnumType(type)) return type.getValues()[0].value;
      const scalar = getNamedType(type).name;
      return { ID: randomUUID(), Int: 1, Float: 1, Boolean: true, DateTime: FUTURE }[scalar] ?? 'x';
    };
    const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return {
      name: field.name,
      query: `mutation${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
      variables: Object.fromEntries(field.args.map((a) => [a.name, value(a.type, a.name)])),
      invented,
    };
  });
}

const FUTURE = new Date(Date.UTC(2031, 5, 1, 9)).toISOString();

const WELL_FORMED: Record<string, unknown> = {
  startDate: '2031-06-02',
  endDate: '2031-06-08',
  time: '09:30',
  weekday: 1,
  cadence: 'weekly',
  provider: 'openai',
  apiKey: 'sk-walk-0123456789abcdefghijklmnop',
  csv: 'text,account,date\nwalked,@probe,2031-06-02T09:30\n',
  dryRunDigest: 'a'.repeat(64),
  checksum: 'b'.repeat(64),
  goals: 'walked',
  // Client reports: a period and a recipient of the right shape, so the walk reaches the permission check.
  from: '2026-01-01',
  to: '2026-01-31',
  recipients: ['walk@example.test'],
  dayOfMonth: 1,
  // A client reviewer's address (the review portal), so the walk reaches the permission check.
  email: 'walk@client.example',
  // A browser profile's session (issue #17): a well-formed Playwright storage state, whose cookie a walk that got
  // through would store.
  storageState: JSON.stringify({
    cookies: [
      {
        name: 'walk',
        value: 'walked-session',
        domain: 'walk.example',
        path: '/',
        expires: -1,
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
      },
    ],
    origins: [],
  }),
};

/** Columns that change by being used (last seen, last used), not by a mutation: left out of the digest. */
const USE_TRACKING: Record<string, string> = {
  api_tokens: 'id, revoked_at, scopes, expires_at',
  sessions: 'id, revoked_at, second_factor_pending, expires_at',
};

/**
 * A digest of every table a mutation could change (all of the public schema but migrations and sign-in attempts),
 * read with the owner's connection: equal digests before and after a walk mean the walk changed nothing.
 */
export async function databaseDigest(ds: {
  query: <T>(sql: string, params?: unknown[]) => Promise<T>;
}): Promise<Record<string, string>> {
  const tables = await ds.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('migrations', 'login_attempts') ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: t } of tables) {
    const cols = USE_TRACKING[t] ?? '*';
    const [row] = await ds.query<{ d: string }[]>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS d FROM (SELECT ${cols} FROM "${t}") r`,
    );
    out[t] = row.d;
  }
  return out;
}
