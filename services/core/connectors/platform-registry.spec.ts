import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import {
  connectorSettingsFrom,
  createConnectorReaders,
  PLATFORMS,
  platformDescriptor,
  platformSettings,
} from './platform-registry';

describe('platform registry', () => {
  const config = {
    api: { host: '127.0.0.1', port: 4000, publicUrl: 'https://raize.example/' },
    sandbox: { url: 'http://127.0.0.1:4010', oauthClientId: 'raize-dev', oauthClientSecret: 's3' },
  };

  it('has one descriptor per platform id, keyed by its own id', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) expect(platformDescriptor(id).id).toBe(id);
  });

  it('builds settings from the app config, with the API’s /oauth/<platform>/callback', () => {
    expect(connectorSettingsFrom(config)).toEqual({
      sandbox: {
        baseUrl: 'http://127.0.0.1:4010',
        oauth: {
          clientId: 'raize-dev',
          clientSecret: 's3',
          redirectUri: 'https://raize.example/oauth/sandbox/callback',
        },
      },
    });
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
