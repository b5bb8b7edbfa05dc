import { chromiumPath, DEFAULT_CHROMIUM_PATH } from './chromium';
import { parseStorageState } from './storage-state.schema';

describe('chromiumPath', () => {
  it("takes the installation's Chromium setting, else Debian's Chromium", () => {
    expect(chromiumPath({ RAIZE_CHROMIUM: '/opt/b' })).toBe('/opt/b');
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM_PATH);
  });
});

describe('parseStorageState', () => {
  const cookie = {
    name: 'sid',
    value: 'session-secret',
    domain: 'sandbox.example',
    path: '/',
    expires: -1,
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
  };

  it('accepts a Playwright storage state', () => {
    expect(parseStorageState({ cookies: [cookie], origins: [] }).cookies[0]?.name).toBe('sid');
  });

  it('names the wrong field, never the cookie value', () => {
    const bad = { cookies: [{ ...cookie, sameSite: 'lax' }], origins: [] };
    expect(() => parseStorageState(bad)).toThrow(/at cookies\.0\.sameSite/);
    expect(() => parseStorageState(bad)).not.toThrow(/session-secret/);
    expect(() => parseStorageState('nope')).toThrow(/at \(root\)/);
  });
});
