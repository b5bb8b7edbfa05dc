import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import type { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import type { ConnectorReader, ConnectorSettings, PlatformDescriptor, PlatformSettings } from './connector.types';
import type { RealPlatformId } from '../config/platform-config';
import { REAL_PLATFORM_IDS } from '../config/platform-config';
import { FACEBOOK_DEFAULT_BASE_URL, facebookPlatform } from './facebook/facebook.platform';
import { INSTAGRAM_DEFAULT_BASE_URL, instagramPlatform } from './instagram/instagram.platform';
import { LINKEDIN_DEFAULT_BASE_URL, linkedinPlatform } from './linkedin/linkedin.platform';
import { sandboxPlatform } from './sandbox/sandbox.platform';
import { TIKTOK_DEFAULT_BASE_URL, tiktokPlatform } from './tiktok/tiktok.platform';
import { X_DEFAULT_BASE_URL, xPlatform } from './x/x.platform';
import { YOUTUBE_DEFAULT_BASE_URL, youtubePlatform } from './youtube/youtube.platform';

/** Every platform, by id: a new PlatformId without a descriptor does not compile. Read side only. */
export const PLATFORMS: Record<PlatformId, PlatformDescriptor> = {
  sandbox: sandboxPlatform,
  instagram: instagramPlatform,
  facebook: facebookPlatform,
  linkedin: linkedinPlatform,
  x: xPlatform,
  tiktok: tiktokPlatform,
  youtube: youtubePlatform,
};

/** Each real platform's own API host, used unless RAIZE_<PLATFORM>_API_URL says otherwise. */
const DEFAULT_API_URLS: Record<RealPlatformId, string> = {
  instagram: INSTAGRAM_DEFAULT_BASE_URL,
  facebook: FACEBOOK_DEFAULT_BASE_URL,
  linkedin: LINKEDIN_DEFAULT_BASE_URL,
  x: X_DEFAULT_BASE_URL,
  tiktok: TIKTOK_DEFAULT_BASE_URL,
  youtube: YOUTUBE_DEFAULT_BASE_URL,
};

/** Whether a platform can be connected on this installation: it needs the app Raize is registered as there. */
export function platformConfigured(settings: ConnectorSettings, id: PlatformId): boolean {
  return Boolean(settings[id]?.oauth?.clientId);
}

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

/**
 * A production process refuses an emulator as a connector (C-15): posts "published" to a local sandbox would be
 * shown to operators as real. Only an explicit RAIZE_SANDBOX_IN_PRODUCTION=1 (which loadAppConfig accepts only
 * with an admin token of its own) lets one through.
 */
function refuseEmulatorsInProduction(config: Pick<AppConfig, 'env' | 'sandbox'>): void {
  if (config.env !== 'production' || config.sandbox.allowedInProduction) return;
  const emulators = PLATFORM_IDS.filter((id) => PLATFORMS[id].emulator);
  if (emulators.length)
    throw new ConfigError(
      emulators.map(
        (id) =>
          `${id}: the ${PLATFORMS[id].displayName} platform is a local emulator, refused as a production connector ` +
          '(RAIZE_SANDBOX_IN_PRODUCTION=1 with a SANDBOX_ADMIN_TOKEN of your own enables it)',
      ),
    );
}

/** Where each platform is, from the app config. The OAuth callback path is the API's `/oauth/<platform>/callback`. */
export function connectorSettingsFrom(
  config: Pick<AppConfig, 'api' | 'sandbox' | 'env'> & Partial<Pick<AppConfig, 'platforms'>>,
  overrides: ConnectorSettingsOverrides = {},
): ConnectorSettings {
  refuseEmulatorsInProduction(config);
  const callback = (id: PlatformId) => `${config.api.publicUrl.replace(/\/+$/, '')}/oauth/${id}/callback`;
  const real = Object.fromEntries(
    REAL_PLATFORM_IDS.map((id): [RealPlatformId, PlatformSettings] => {
      const e = config.platforms?.[id];
      return [
        id,
        {
          baseUrl: e?.apiUrl ?? DEFAULT_API_URLS[id],
          ...(e?.dialogUrl ? { publicUrl: e.dialogUrl } : {}),
          ...(e?.uploadUrl ? { uploadBaseUrl: e.uploadUrl } : {}),
          // Without the app's id the platform cannot be connected: startConnect says which variables to set.
          ...(e?.clientId
            ? { oauth: { clientId: e.clientId, clientSecret: e.clientSecret, redirectUri: callback(id) } }
            : {}),
          appAudited: e?.appAudited ?? false,
          appInTesting: e?.appInTesting ?? false,
          ...(e?.dailyQuota ? { dailyQuota: e.dailyQuota } : {}),
        },
      ];
    }),
  ) as Record<RealPlatformId, PlatformSettings>;
  const base: Record<PlatformId, PlatformSettings> = {
    ...real,
    sandbox: {
      baseUrl: config.sandbox.url,
      oauth: {
        clientId: config.sandbox.oauthClientId,
        clientSecret: config.sandbox.oauthClientSecret,
        redirectUri: callback('sandbox'),
      },
      // The sandbox links to itself over plain http on this machine; in production, https like everyone else.
      allowLoopbackHttpLinks: config.env !== 'production',
    },
  };
  return Object.fromEntries(
    PLATFORM_IDS.map((id) => [id, { ...base[id], ...dropUndefined(overrides[id] ?? {}) }]),
  ) as ConnectorSettings;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
