import { failureOfStatus, statusError, vendorCodeOf } from './provider-http-errors';

describe('failureOfStatus', () => {
  it.each([
    [429, 'rate_limited'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [408, 'unavailable'],
    [500, 'unavailable'],
    [503, 'unavailable'],
    [529, 'unavailable'],
    [400, 'bad_request'],
    [404, 'bad_request'],
    [422, 'bad_request'],
  ] as const)('%d → %s', (status, failure) => expect(failureOfStatus(status)).toBe(failure));
});

describe('vendorCodeOf', () => {
  it('takes short identifiers only, never a message', () => {
    expect(vendorCodeOf({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })).toBe(
      'overloaded_error',
    );
    expect(vendorCodeOf({ error: { code: 'moderation_blocked', type: 'image_generation_user_error' } })).toBe(
      'moderation_blocked',
    );
    expect(vendorCodeOf({ error: { code: 402, message: 'Insufficient credits' } })).toBe('402');
    expect(vendorCodeOf({ error: { code: 'a prompt quoted back to us', type: null } })).toBeUndefined();
    expect(vendorCodeOf('<html>')).toBeUndefined();
  });
});

describe('statusError', () => {
  it('lets the vendor refine the class and keeps the vendor message out', () => {
    const err = statusError(
      'openai',
      'POST /v1/x',
      400,
      new Headers(),
      { error: { code: 'c', message: 'SECRET PROMPT' } },
      () => 'refused',
    );
    expect(err.failure).toBe('refused');
    expect(err.message).toBe('openai POST /v1/x answered 400 (c)');
    expect(err.retryable).toBe(false);
  });

  it('carries Retry-After on a 429 and on a 5xx, not on a 4xx', () => {
    const headers = new Headers({ 'retry-after': '3' });
    expect(statusError('anthropic', 'R', 429, headers, undefined).details.retryAfterMs).toBe(3000);
    expect(statusError('anthropic', 'R', 529, headers, undefined).details.retryAfterMs).toBe(3000);
    expect(statusError('anthropic', 'R', 400, headers, undefined).details.retryAfterMs).toBeUndefined();
  });
});
