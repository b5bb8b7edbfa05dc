import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import { ConfigError } from '../config/config-error';
import { sandboxPlatform } from './sandbox/sandbox.platform';
import {
  connectorSettingsFrom,
  createConnectorReaders,
  PLATFORMS,
  platformConfigured,
  platformDescriptor,
  platformSettings,
} from './platform-registry';

describe('platform registry', () => {
  const config = {
    env: 'development' as const,
    api: { host: '127.0.0.1', port: 4000, publicUrl: 'https://raize.example/' },
    sandbox: {
      url: 'http://127.0.0.1:4010',
      oauthClientId: 'raize-dev',
      oauthClientSecret: 's3',
      allowedInProduction: false,
    },
  };

  it('has one descriptor per platform id, keyed by its own id', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) expect(platformDescriptor(id).id).toBe(id);
  });

  it('builds settings from the app config, with the API’s /oauth/<platform>/callback', () => {
    expect(connectorSettingsFrom(config)).toMatchObject({
      sandbox: {
        baseUrl: 'http://127.0.0.1:4010',
        oauth: {
          clientId: 'raize-dev',
          clientSecret: 's3',
          redirectUri: 'https://raize.example/oauth/sandbox/callback',
        },
        allowLoopbackHttpLinks: true,
      },
    });
  });

  it('points each real platform at its own host, connectable only with an app registered (RAIZE_<PLATFORM>_*)', () => {
    const bare = connectorSettingsFrom(config);
    expect(bare.x).toEqual({ baseUrl: 'https://api.x.com', appAudited: false, appInTesting: false });
    expect(platformConfigured(bare, 'x')).toBe(false);
    const env = {
      apiUrl: 'http://127.0.0.1:4024',
      dialogUrl: 'http://127.0.0.1:4024',
      clientId: 'app',
      clientSecret: 'sec',
    };
    const configured = connectorSettingsFrom({
      ...config,
      platforms: { x: { ...env, appAudited: false, appInTesting: false } } as never,
    });
    expect(configured.x).toMatchObject({
      baseUrl: 'http://127.0.0.1:4024',
      publicUrl: 'http://127.0.0.1:4024',
      oauth: { clientId: 'app', clientSecret: 'sec', redirectUri: 'https://raize.example/oauth/x/callback' },
    });
    expect(platformConfigured(configured, 'x')).toBe(true);
    expect(platformConfigured(configured, 'sandbox')).toBe(true);
  });

  it('[C-15] refuses the sandbox emulator as a production connector unless the config enables it', () => {
    expect(sandboxPlatform.emulator).toBe(true);
    const production = { ...config, env: 'production' as const };
    expect(() => connectorSettingsFrom(production)).toThrow(ConfigError);
    expect(() => connectorSettingsFrom(production)).toThrow(/sandbox: the Sandbox platform is a local emulator/);
    const enabled = connectorSettingsFrom({ ...production, sandbox: { ...config.sandbox, allowedInProduction: true } });
    // Enabled in production, its links still have to be https: the loopback exception is for development only.
    expect(enabled.sandbox?.allowLoopbackHttpLinks).toBe(false);
    expect(connectorSettingsFrom({ ...config, env: 'test' }).sandbox?.allowLoopbackHttpLinks).toBe(true);
  });

  it('applies per-process overrides, ignoring the ones left undefined', () => {
    const s = connectorSettingsFrom(config, {
      sandbox: { timeoutMs: undefined, settleSeconds: 3, baseUrl: undefined },
    });
    expect(s.sandbox).toMatchObject({ baseUrl: 'http://127.0.0.1:4010', settleSeconds: 3 });
    expect(s.sandbox).not.toHaveProperty('timeoutMs');
  });

  it('gives a reader per platform and names a platform left without settings', () => {
    const readers = createConnectorReaders(connectorSettingsFrom(config));
    for (const id of PLATFORM_IDS) expect(readers[id].platform).toBe(id);
    expect(() => platformSettings({}, 'sandbox')).toThrow(/no connector settings for platform sandbox/);
    expect(() => createConnectorReaders({})).toThrow(/sandbox/);
  });
});
