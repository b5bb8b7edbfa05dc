import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import type { AppConfig } from '../config/app-config';
import type { ConnectorReader, ConnectorSettings, PlatformDescriptor, PlatformSettings } from './connector.types';
import { sandboxPlatform } from './sandbox/sandbox.platform';

/** Every platform, by id: a new PlatformId without a descriptor does not compile. Read side only. */
export const PLATFORMS: Record<PlatformId, PlatformDescriptor> = {
  sandbox: sandboxPlatform,
};

export function platformDescriptor(id: PlatformId): PlatformDescriptor {
  return PLATFORMS[id];
}

/** The settings of one platform; a platform without settings is a configuration error, named as such. */
export function platformSettings(settings: ConnectorSettings, id: PlatformId): PlatformSettings {
  const s = settings[id];
  if (!s) throw new Error(`no connector settings for platform ${id}`);
  return s;
}

/** Read-only connectors for every platform, usable anywhere (connect flow, verification, status). */
export function createConnectorReaders(settings: ConnectorSettings): Record<PlatformId, ConnectorReader> {
  return Object.fromEntries(
    PLATFORM_IDS.map((id) => [id, PLATFORMS[id].createReader(platformSettings(settings, id))]),
  ) as Record<PlatformId, ConnectorReader>;
}

/** Per-process adjustments on top of the app config (a worker's shorter timeout, a test's short settle time). */
export type ConnectorSettingsOverrides = Partial<Record<PlatformId, Partial<PlatformSettings>>>;

/** Where each platform is, from the app config. The OAuth callback path is the API's `/oauth/<platform>/callback`. */
export function connectorSettingsFrom(
  config: Pick<AppConfig, 'api' | 'sandbox'>,
  overrides: ConnectorSettingsOverrides = {},
): ConnectorSettings {
  const callback = (id: PlatformId) => `${config.api.publicUrl.replace(/\/+$/, '')}/oauth/${id}/callback`;
  const base: Record<PlatformId, PlatformSettings> = {
    sandbox: {
      baseUrl: config.sandbox.url,
      oauth: {
        clientId: config.sandbox.oauthClientId,
        clientSecret: config.sandbox.oauthClientSecret,
        redirectUri: callback('sandbox'),
      },
    },
  };
  return Object.fromEntries(
    PLATFORM_IDS.map((id) => [id, { ...base[id], ...dropUndefined(overrides[id] ?? {}) }]),
  ) as ConnectorSettings;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
