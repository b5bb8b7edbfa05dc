import { loadAppConfig } from './app-config';
import { EMULATOR_PORTS, loadPlatformEnv } from './platform-config';

describe('platform configuration (RAIZE_<PLATFORM>_*)', () => {
  it('reads each platform’s app and hosts, and names a bad variable', () => {
    const problems: string[] = [];
    const { platforms, emulators } = loadPlatformEnv(
      {
        RAIZE_X_CLIENT_ID: 'x-app',
        RAIZE_X_CLIENT_SECRET: 'x-secret',
        RAIZE_TIKTOK_APP_AUDITED: '1',
        RAIZE_YOUTUBE_DAILY_QUOTA: '20000',
        RAIZE_LINKEDIN_API_URL: 'not a url',
      },
      problems,
    );
    expect(emulators).toBe(false);
    expect(platforms.x).toMatchObject({ clientId: 'x-app', clientSecret: 'x-secret', appAudited: false });
    expect(platforms.x.apiUrl).toBeUndefined();
    expect(platforms.tiktok.appAudited).toBe(true);
    expect(platforms.youtube.dailyQuota).toBe(20000);
    expect(problems).toEqual([expect.stringMatching(/^RAIZE_LINKEDIN_API_URL: /)]);
  });

  it('points every platform at its emulator with RAIZE_PLATFORM_EMULATORS=1', () => {
    const { platforms } = loadPlatformEnv({ RAIZE_PLATFORM_EMULATORS: '1' }, []);
    expect(platforms.instagram).toMatchObject({
      apiUrl: `http://127.0.0.1:${EMULATOR_PORTS.instagram}`,
      clientId: 'raize-test-app',
    });
  });

  it('[C-15] refuses the platform emulators in production', () => {
    expect(() =>
      loadAppConfig({
        RAIZE_ENV: 'production',
        RAIZE_PLATFORM_EMULATORS: '1',
        RAIZE_MASTER_KEY: 'a'.repeat(64),
        DATABASE_URL: 'postgres://u@db/raize',
        DATABASE_APP_URL: 'postgres://raize_app@db/raize',
      }),
    ).toThrow(/RAIZE_PLATFORM_EMULATORS: the local platform emulators are refused in production/);
  });
});
