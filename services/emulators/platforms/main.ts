import { EMULATOR_PORTS } from '../../core/config/platform-config';
import { startFacebookEmulator } from './facebook/facebook.emulator';
import { startInstagramEmulator } from './instagram/instagram.emulator';
import type { PlatformEmulator } from './kit/platform-emulator';
import { startLinkedInEmulator } from './linkedin/linkedin.emulator';
import { startTikTokEmulator } from './tiktok/tiktok.emulator';
import { startXEmulator } from './x/x.emulator';
import { startYouTubeEmulator } from './youtube/youtube.emulator';

/**
 * The six platform emulators as one process for the local stack and the demo (`RAIZE_PLATFORM_EMULATORS=1` points
 * Raize at them): each on its fixed port from platform-config.ts, registered with the emulators' test app. Never a
 * production connector: a production Raize refuses RAIZE_PLATFORM_EMULATORS (C-15). State lives in memory.
 */
async function main(): Promise<void> {
  const started: PlatformEmulator[] = await Promise.all([
    startInstagramEmulator({ port: EMULATOR_PORTS.instagram }),
    startFacebookEmulator({ port: EMULATOR_PORTS.facebook }),
    startLinkedInEmulator({ port: EMULATOR_PORTS.linkedin }),
    startXEmulator({ port: EMULATOR_PORTS.x }),
    startTikTokEmulator({ port: EMULATOR_PORTS.tiktok }),
    // The demo's project passed YouTube's audit, as RAIZE_YOUTUBE_APP_AUDITED=1 tells Raize.
    startYouTubeEmulator({ port: EMULATOR_PORTS.youtube, appAudited: process.env.RAIZE_YOUTUBE_APP_AUDITED === '1' }),
  ]);
  // Run-time fault controls (`/_emulator/faults`, as the sandbox's `/_admin/faults`) only for whoever holds this token.
  const adminToken = process.env.RAIZE_EMULATOR_ADMIN_TOKEN;
  if (adminToken) for (const e of started) e.server.enableAdmin(adminToken);
  // One JSON line the stack's launcher waits for (ChildService readiness), then one per platform for people.
  console.log(
    JSON.stringify({ level: 30, msg: 'platform emulators ready', platforms: started.map((e) => e.platform) }),
  );
  process.send?.({ ready: true });
  for (const e of started)
    console.log(
      `${e.platform.padEnd(9)} ${e.url}  accounts: ${e
        .accounts()
        .map((a) => a.handle)
        .join(', ')}`,
    );
  const stop = () => {
    void Promise.allSettled(started.map((e) => e.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`platform emulators failed to start: ${err.message}`);
  process.exit(1);
});
