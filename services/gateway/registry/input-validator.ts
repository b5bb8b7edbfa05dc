import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';

const MAX_MESSAGES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ajv ships no formats; the handful zod's JSON Schema output uses are checked here (ajv-formats is not a dependency).
// An unknown format makes the schema fail to compile in strict mode, so a definition cannot rely on one silently.
const FORMATS: Record<string, (s: string) => boolean> = {
  uuid: (s) => UUID.test(s),
  date: (s) => DATE.test(s) && !Number.isNaN(Date.parse(s)),
  'date-time': (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
  email: (s) => EMAIL.test(s),
  uri: (s) => URL.canParse(s),
  url: (s) => URL.canParse(s),
};

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

export type InputValidator = (input: unknown) => string[];

/**
 * Compiles a definition's input schema (JSON Schema 2020-12, strict): a validator answering ajv's messages, [] when the
 * input is valid. Throws when the schema does not compile; the registry refuses that tool (invalid_definition).
 */
export function compileInputSchema(schema: Record<string, unknown>): InputValidator {
  // One Ajv per schema: a definition's `$id` must not collide with another tool's.
  const validate = newAjv().compile(schema);
  return (input) => {
    if (validate(input)) return [];
    return (validate.errors ?? []).slice(0, MAX_MESSAGES).map(describe);
  };
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'input';
  const extra =
    e.keyword === 'additionalProperties'
      ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty).slice(0, 60)})`
      : '';
  return `${where} ${e.message ?? 'is invalid'}${extra}`;
}
