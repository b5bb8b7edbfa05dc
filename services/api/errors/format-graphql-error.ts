import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from '../../core/telemetry/logger';

const PASS_THROUGH = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'CONFLICT',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'CSRF_REQUIRED',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  // Apollo's own refusals of a request it cannot run (an operationName the document lacks, a persisted query):
  // the caller's mistake, not an internal error (C-54, found by fuzzing).
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql-js's hints ("Did you mean "fourEyes"?"), in validation and in variable coercion messages alike. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export interface GraphqlErrorFormatOptions {
  /**
   * Drop "Did you mean ...?" hints: with introspection off (production) they would hand out the schema's field,
   * argument and enum names to anyone who guesses close enough (C-15).
   */
  hideSuggestions?: boolean;
}

/**
 * What an API caller sees of an error: the code and a message written for them. Anything unexpected is
 * logged with its detail and answered as a generic internal error; stack traces never leave the server.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  original: unknown,
  opts: GraphqlErrorFormatOptions = {},
): GraphQLFormattedError {
  const shown = (message: string) => (opts.hideSuggestions ? message.replace(SUGGESTION, '') : message);
  const code = String(formatted.extensions?.code ?? '');
  const orig = (original as { originalError?: { code?: string; response?: { message?: unknown } } })?.originalError;
  const appCode = orig?.code;
  if (appCode && PASS_THROUGH.has(appCode)) {
    return { message: shown(formatted.message), path: formatted.path, extensions: { code: appCode } };
  }
  if (PASS_THROUGH.has(code)) {
    // class-validator errors arrive as a BadRequestException whose response lists every problem.
    const list = orig?.response?.message;
    const message = Array.isArray(list) ? `invalid input: ${list.join('; ')}` : formatted.message;
    return {
      message: shown(message),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code },
    };
  }
  // Raised before any resolver ran (no path) by graphql-js or Apollo themselves (no underlying error): a refusal of the
  // request, in their words (a persisted query's hash that does not match its text, more than 50 bad variable values).
  if (!formatted.path && original instanceof GraphQLError && !original.originalError)
    return { message: shown(formatted.message), extensions: { code: 'BAD_USER_INPUT' } };
  // The kind and the operation only: an unexpected error's message may quote input or secrets.
  logger.error(
    {
      'error.kind': (original as { originalError?: Error })?.originalError?.name ?? 'Error',
      'raize.operation': (formatted.path ?? []).join('.'),
    },
    'unexpected GraphQL error',
  );
  return {
    message: 'internal error: the request could not be completed; nothing was changed',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
