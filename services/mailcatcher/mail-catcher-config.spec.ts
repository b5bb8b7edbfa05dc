import { join } from 'node:path';
import { ConfigError } from '../core/config/config-error';
import { MAIL_CATCHER_PORTS, loadMailCatcherConfig } from './mail-catcher-config';

describe('mail catcher configuration', () => {
  it('defaults to the stack’s ports and <data dir>/mail, 25 MB and 500 messages', () => {
    const c = loadMailCatcherConfig({ RAIZE_ENV: 'development', RAIZE_DATA_DIR: '/tmp/raize-data' });
    expect(c).toEqual({
      smtpPort: MAIL_CATCHER_PORTS.smtp,
      httpPort: MAIL_CATCHER_PORTS.http,
      dir: join('/tmp/raize-data', 'mail'),
      maxMessages: 500,
      maxMessageBytes: 25 * 1024 * 1024,
    });
    expect(loadMailCatcherConfig({ RAIZE_ENV: 'development' }).dir).toMatch(/[/\\]\.raize[/\\]mail$/);
  });

  it('[C-15] refuses to start in production mode, RAIZE_ENV unset included', () => {
    for (const env of [{ RAIZE_ENV: 'production' }, {}, { RAIZE_ENV: 'development', NODE_ENV: 'production' }])
      expect(() => loadMailCatcherConfig(env)).toThrow(/refuses to start in production mode/);
  });

  it('names a bad variable', () => {
    expect(() => loadMailCatcherConfig({ RAIZE_ENV: 'test', RAIZE_MAILCATCHER_SMTP_PORT: 'x' })).toThrow(ConfigError);
    expect(() => loadMailCatcherConfig({ RAIZE_ENV: 'test', RAIZE_MAILCATCHER_MAX_BYTES: '10' })).toThrow(
      /RAIZE_MAILCATCHER_MAX_BYTES/,
    );
  });
});
