import { GraphQLError } from 'graphql';
import { formatGraphqlError } from './format-graphql-error';

describe('formatGraphqlError', () => {
  it.each(['OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'GRAPHQL_PARSE_FAILED'])(
    "[C-54] passes Apollo's refusal %s through with its message, not as an internal error",
    (code) => {
      const err = new GraphQLError('Unknown operation named "Fuzz".', { extensions: { code } });
      expect(formatGraphqlError(err.toJSON(), err)).toMatchObject({
        message: 'Unknown operation named "Fuzz".',
        extensions: { code },
      });
    },
  );

  it.each([
    'provided sha does not match query',
    'Too many errors processing variables, error limit reached. Execution aborted.',
  ])("[C-54] answers graphql-js's and Apollo's own code-less refusal of a request as bad input: %s", (message) => {
    const err = new GraphQLError(message, { extensions: { http: { status: 400 } } });
    const formatted = { message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatGraphqlError(formatted, err)).toEqual({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('still hides an error a resolver did not expect, even without an underlying error', () => {
    const err = new GraphQLError('Cannot return null for non-nullable field Note.createdAt.', { path: ['x'] });
    const formatted = { message: err.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatGraphqlError(formatted, err).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('answers an unexpected error with the generic message and no detail', () => {
    const err = new GraphQLError('relation "x" does not exist', { originalError: new TypeError('boom') });
    expect(formatGraphqlError(err.toJSON(), err)).toEqual({
      message: 'internal error: the request could not be completed; nothing was changed',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
