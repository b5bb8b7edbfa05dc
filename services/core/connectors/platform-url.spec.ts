import { checkPlatformUrl } from './platform-url';

describe('checkPlatformUrl', () => {
  it('[C-15] keeps https links, normalised', () => {
    expect(checkPlatformUrl('https://social.example/p/1')).toEqual({ url: 'https://social.example/p/1' });
    expect(checkPlatformUrl('HTTPS://Social.Example/p/1')).toEqual({ url: 'https://social.example/p/1' });
  });

  it('[C-15] drops script, data, other schemes and plain http, with a reason that does not quote the link', () => {
    for (const raw of [
      'javascript:alert(document.cookie)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'ftp://files.example/p/1',
      'http://attacker.example/p/1',
      '//attacker.example/p/1',
      'not a url',
      'https://user:pass@social.example/p/1',
      `https://social.example/${'a'.repeat(2100)}`,
    ]) {
      const checked = checkPlatformUrl(raw, { allowLoopbackHttp: true });
      expect(checked.url).toBe('');
      expect(checked.refused).toMatch(/the platform's link/);
      expect(checked.refused).not.toContain('attacker');
      expect(checked.refused).not.toContain('cookie');
    }
  });

  it('[C-15] keeps http to this machine only where allowed (the sandbox outside production)', () => {
    for (const raw of ['http://127.0.0.1:4010/p/1', 'http://localhost:4010/p/1', 'http://[::1]:4010/p/1']) {
      expect(checkPlatformUrl(raw, { allowLoopbackHttp: true })).toEqual({ url: raw });
      expect(checkPlatformUrl(raw).refused).toMatch(/plain http/);
    }
    expect(checkPlatformUrl('http://127.0.0.1.attacker.example/p/1', { allowLoopbackHttp: true }).url).toBe('');
    expect(checkPlatformUrl('http://10.0.0.1/p/1', { allowLoopbackHttp: true }).url).toBe('');
  });
});
