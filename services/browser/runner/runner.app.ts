import type { DataConverter } from '@temporalio/common';
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { Browser } from 'playwright-core';
import { browserLanes } from '../../../activities/guard/publish-lanes/browser.lane';
import type { LaneDeps } from '../../../activities/lanes/lane.deps';
import { createPublishActivities } from '../../../activities/publish/publish.activities';
import { publishLaneReceiptStarter } from '../../../activities/receipts/receipt-lane';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { BrowserProfileService } from '../../core/browser/browser-profile.service';
import { RunnerRepository } from '../../core/browser/runner.repository';
import { platformSettings } from '../../core/connectors/platform-registry';
import { logger } from '../../core/telemetry/logger';
import { withTracing } from '../../worker/worker-tracing';
import { PlaywrightDriver } from '../driver/playwright.driver';
import { BrowserPool } from '../engine';
import { browserProfileAccess } from './browser-profile.access';
import { startProfileCheckLoop } from './profile-check.loop';
import { runnerIdentity } from './runner-identity';

export interface BrowserRunnerOptions {
  connection: NativeConnection;
  namespace: string;
  dataConverter: DataConverter;
  deps: LaneDeps;
  /** the publish lane's queue name; the runner's own queue is derived from it */
  taskQueueBase: string;
  runnerId?: string;
  platforms?: PlatformId[];
  /** browser actions at once per platform: more wait in line (a burst must not look like a bot) */
  slotsPerPlatform?: number;
  heartbeatMs?: number;
  /**
   * How often the runner walks the self-check of the profiles it holds (new ones at once, the others when their last
   * walk is `selfCheckRecheckSeconds` old); 0 or absent: no walks (tests that steer the pages themselves).
   */
  selfCheckEveryMs?: number;
  selfCheckRecheckSeconds?: number;
  /** tests pass their own Chromium launcher; default Debian's /usr/bin/chromium */
  launch?: () => Promise<Browser>;
}

export interface RunningBrowserRunner {
  runnerId: string;
  taskQueue: string;
  /** stops taking work (routing stops first), lets running actions finish, closes the browser */
  close(): Promise<void>;
}

/**
 * The browser runner (issue #17): one Chromium, an isolated context per action, a cap per platform, and a Temporal
 * worker on this runner's own queue hosting the guarded publish with the browser lanes. It beats in the database
 * so the workflow routes an account's attempts to the runner holding its profile while it lives.
 */
export async function startBrowserRunner(o: BrowserRunnerOptions): Promise<RunningBrowserRunner> {
  const platforms = o.platforms ?? ['sandbox'];
  const slots = o.slotsPerPlatform ?? 2;
  const { runnerId, taskQueue } = runnerIdentity(o.taskQueueBase, o.runnerId);
  const pool = new BrowserPool({
    platforms: Object.fromEntries(platforms.map((p) => [p, { maxConcurrent: slots }])),
    launch: o.launch,
    onBlocked: (e) => logger.warn({ 'raize.platform': e.platform, 'raize.operation': 'browser.blocked' }, 'blocked'),
  });
  const driver = new PlaywrightDriver(pool);
  const { ds, secrets, audit } = o.deps;
  if (!secrets)
    throw new Error('the browser runner needs the secrets backend: profiles are decrypted only here (C-40)');
  const profiles = new BrowserProfileService({ ds, secrets, audit });
  const access = browserProfileAccess(ds, profiles);
  const baseUrl = (p: PlatformId) => {
    const s = platformSettings(o.deps.connectorSettings, p);
    return s.publicUrl ?? s.baseUrl;
  };
  const lanes = browserLanes(o.deps, { driver, profiles: access, baseUrl });
  const deps: LaneDeps = { ...o.deps, lanes };
  const publish = createPublishActivities(deps, { receipts: publishLaneReceiptStarter(deps) });

  const runners = new RunnerRepository(ds);
  await runners.register({ id: runnerId, taskQueue, platforms, slots });
  const beat = setInterval(() => {
    void runners
      .heartbeat(runnerId)
      .then((alive) => (alive ? undefined : runners.register({ id: runnerId, taskQueue, platforms, slots })))
      .catch((err: Error) => logger.warn({ 'error.kind': err.name, 'raize.operation': 'browser.heartbeat' }, 'beat'));
  }, o.heartbeatMs ?? 5_000);
  beat.unref();

  const worker = await Worker.create(
    withTracing({
      connection: o.connection,
      namespace: o.namespace,
      taskQueue,
      dataConverter: o.dataConverter,
      // Only the guarded publish runs here: its attempts for accounts whose profile this runner holds.
      activities: { guardedPublish: publish.guardedPublish },
      maxConcurrentActivityTaskExecutions: slots * platforms.length,
      shutdownGraceTime: '20 seconds',
    }),
  );
  const running = worker.run();
  const checks = o.selfCheckEveryMs
    ? startProfileCheckLoop(
        {
          ...o.deps,
          driver,
          access,
          profiles,
          runnerId,
          platforms,
          baseUrl,
          recheckAfterSeconds: o.selfCheckRecheckSeconds ?? 6 * 3600,
        },
        o.selfCheckEveryMs,
      )
    : undefined;
  logger.info({ 'raize.operation': 'browser.runner', 'raize.outcome': 'started' }, 'browser runner started');
  return {
    runnerId,
    taskQueue,
    async close() {
      clearInterval(beat);
      await checks?.stop();
      // Routing stops first: no attempt is sent to a queue that nobody will poll.
      await runners.stop(runnerId).catch(() => undefined);
      worker.shutdown();
      await running.catch(() => undefined);
      await driver.close();
    },
  };
}
