import { InvalidStorageStateError, parseStorageState, STORAGE_STATE_MAX_BYTES } from './storage-state.schema';

const SECRET = 'sess-7f3a9c-do-not-echo';
const cookie = (over: Record<string, unknown> = {}) => ({
  name: 'sessionid',
  value: SECRET,
  domain: '.example.com',
  path: '/',
  expires: -1,
  httpOnly: true,
  secure: true,
  sameSite: 'Lax',
  ...over,
});
const state = (over: Record<string, unknown> = {}) => ({
  cookies: [cookie()],
  origins: [{ origin: 'https://example.com', localStorage: [{ name: 'token', value: SECRET }] }],
  ...over,
});

function refusal(input: unknown): InvalidStorageStateError {
  try {
    parseStorageState(input);
  } catch (err) {
    if (err instanceof InvalidStorageStateError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the storage state schema', () => {
  it('takes a Playwright storage state, as an object or as its JSON text', () => {
    expect(parseStorageState(state()).cookies[0].value).toBe(SECRET);
    expect(parseStorageState(JSON.stringify(state())).origins[0].localStorage[0].value).toBe(SECRET);
    expect(parseStorageState(state({ cookies: [cookie({ partitionKey: 'https://example.com' })] }))).toBeTruthy();
  });

  it('names the field and the rule, never a cookie value, name or received value', () => {
    const bad = [
      state({ cookies: [cookie({ sameSite: SECRET })] }),
      state({ cookies: [cookie({ value: 42, name: SECRET, httpOnly: SECRET })] }),
      state({ origins: [{ origin: `javascript:${SECRET}`, localStorage: [] }] }),
      `{"cookies": [{"name": "${SECRET}"`,
      SECRET,
    ];
    for (const input of bad) {
      const err = refusal(input);
      expect(`${err.message} ${err.problems.join(' ')} ${err.stack}`).not.toContain(SECRET);
    }
    expect(refusal(state({ cookies: [cookie({ sameSite: 'Bogus' })] })).message).toContain(
      'cookies[0].sameSite: must be one of Strict, Lax, None',
    );
    expect(refusal(`{"cookies": [`).message).toContain('not valid JSON');
  });

  it('refuses an empty session and one over the size cap', () => {
    expect(refusal({ cookies: [], origins: [] }).message).toContain('holds no cookies');
    const big = 'x'.repeat(4000);
    const many = Array.from({ length: Math.ceil(STORAGE_STATE_MAX_BYTES / 4000) + 1 }, (_, i) =>
      cookie({ name: `c${i}`, value: big }),
    );
    expect(refusal(state({ cookies: many })).message).toContain('larger than 512 KB');
    expect(refusal(JSON.stringify(state({ cookies: many }))).message).toContain('larger than 512 KB');
  });
});
