import { z } from 'zod';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';

/** The real platforms (the sandbox has its own settings in AppConfig). */
export type RealPlatformId = Exclude<PlatformId, 'sandbox'>;
export const REAL_PLATFORM_IDS = PLATFORM_IDS.filter((p): p is RealPlatformId => p !== 'sandbox');

/** How one real platform is reached, from the environment: `RAIZE_<PLATFORM>_*`. */
export interface PlatformEnv {
  /** the API host; default the platform's own */
  apiUrl?: string;
  /** the host of the OAuth dialog a browser is sent to; default the platform's own */
  dialogUrl?: string;
  /** the upload host (YouTube) */
  uploadUrl?: string;
  /** the app Raize is registered as on the platform; without one the platform cannot be connected */
  clientId?: string;
  clientSecret?: string;
  appAudited: boolean;
  appInTesting: boolean;
  dailyQuota?: number;
}

/**
 * The local platform emulators' fixed ports (services/emulators/platforms, `npm run emulators`). With
 * RAIZE_PLATFORM_EMULATORS=1 every real platform points at its emulator, registered as the emulators' test app:
 * development and the demo only, refused in production (C-15).
 */
export const EMULATOR_PORTS: Record<RealPlatformId, number> = {
  instagram: 4021,
  facebook: 4022,
  linkedin: 4023,
  x: 4024,
  tiktok: 4025,
  youtube: 4026,
};

const url = z.string().url();
const flag = z.enum(['0', '1']).optional();

const platformEnvSchema = z.object({
  API_URL: url.optional(),
  DIALOG_URL: url.optional(),
  UPLOAD_URL: url.optional(),
  CLIENT_ID: z.string().min(1).optional(),
  CLIENT_SECRET: z.string().min(1).optional(),
  APP_AUDITED: flag,
  APP_IN_TESTING: flag,
  DAILY_QUOTA: z.coerce.number().int().positive().optional(),
});

const envName = (p: RealPlatformId) => `RAIZE_${p.toUpperCase()}_`;

/** Reads every platform's variables; each problem names its variable. */
export function loadPlatformEnv(
  env: NodeJS.ProcessEnv,
  problems: string[],
): { platforms: Record<RealPlatformId, PlatformEnv>; emulators: boolean } {
  const emulators = env.RAIZE_PLATFORM_EMULATORS === '1';
  const platforms = {} as Record<RealPlatformId, PlatformEnv>;
  for (const p of REAL_PLATFORM_IDS) {
    const prefix = envName(p);
    const raw = Object.fromEntries(
      Object.entries(env)
        .filter(([k, v]) => k.startsWith(prefix) && v !== '')
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
    const parsed = platformEnvSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${prefix}${i.path.join('.')}: ${i.message}`));
      continue;
    }
    const e = parsed.data;
    const emulated = emulators ? `http://127.0.0.1:${EMULATOR_PORTS[p]}` : undefined;
    platforms[p] = {
      apiUrl: e.API_URL ?? emulated,
      dialogUrl: e.DIALOG_URL ?? emulated,
      uploadUrl: e.UPLOAD_URL ?? emulated,
      clientId: e.CLIENT_ID ?? (emulators ? EMULATOR_APP.clientId : undefined),
      clientSecret: e.CLIENT_SECRET ?? (emulators ? EMULATOR_APP.clientSecret : undefined),
      appAudited: e.APP_AUDITED === '1',
      appInTesting: e.APP_IN_TESTING === '1',
      dailyQuota: e.DAILY_QUOTA,
    };
  }
  return { platforms, emulators };
}

/**
 * The app registration the platform emulators accept (services/emulators/platforms/kit/platform-emulator.ts
 * TEST_APP): not a secret, and refused in production with the emulators themselves.
 */
export const EMULATOR_APP = { clientId: 'raize-test-app', clientSecret: 'raize-test-app-secret' } as const;
