import { isBodyRefusal, refusalMessage } from './body-refusal.middleware';

/** The shape http-errors gives body-parser's refusals. */
function httpError(status: number, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, ...extra });
}

describe('the request body refusal', () => {
  it("[C-54] answers a client's body mistakes, and never turns a server's error into a client's", () => {
    expect(isBodyRefusal(httpError(413, 'request entity too large', { type: 'entity.too.large' }))).toBe(true);
    expect(isBodyRefusal(httpError(400, 'incorrect header check'))).toBe(true);
    // A 5xx, an error whose message is not meant for clients, or a plain error go on to Nest's own handler.
    expect(isBodyRefusal(httpError(500, 'pool exhausted'))).toBe(false);
    expect(isBodyRefusal(httpError(400, 'internal detail', { expose: false }))).toBe(false);
    expect(isBodyRefusal(new TypeError('x is undefined'))).toBe(false);
    expect(isBodyRefusal({ status: 400, expose: true, message: 'not an Error' })).toBe(false);
  });

  it('says what was wrong in its own words and never echoes the body', () => {
    const parse = httpError(400, 'Unexpected end of JSON input', { type: 'entity.parse.failed', body: '{"secret":' });
    expect(refusalMessage(parse as never)).toBe('the request body is not valid JSON: Unexpected end of JSON input');
    expect(refusalMessage(httpError(413, 'too large', { type: 'entity.too.large', limit: 1_048_576 }) as never)).toBe(
      'the request body is larger than the 1024 KiB this endpoint takes',
    );
    // A reason named like an Object.prototype member is no message of ours.
    expect(refusalMessage(httpError(400, 'odd', { type: 'constructor' }) as never)).toBe(
      'the request body could not be read: odd',
    );
  });
});
