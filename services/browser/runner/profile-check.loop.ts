import type { DataSource } from 'typeorm';
import type { BrowserProfileAccess } from '../../../activities/guard/publish-lanes/browser-profile-access';
import { assertPageIdentity } from '../../../activities/guard/browser-identity.guard';
import type { BrowserDriver } from '../../core/browser/browser-driver.port';
import { BrowserLaneStop } from '../../core/browser/browser-driver.port';
import type { BrowserCheckInput } from '../../core/browser/browser-check';
import type { BrowserProfileService } from '../../core/browser/browser-profile.service';
import { RunnerRepository } from '../../core/browser/runner.repository';
import type { AuditService } from '../../core/audit/audit.service';
import { BrowserProfile, PlatformAccount } from '../../core/database/entities';
import { logger } from '../../core/telemetry/logger';
import { clientScope } from '../../core/tenancy/scope-for';
import { realDataSource, runInTenantScope } from '../../core/tenancy/tenant-scope';
import { isBrowserStopKind } from '../../../workflows/contracts/vocabulary/browser-lane';
import { browserStopReason } from '../../../activities/guard/publish-lanes/browser.lane';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';

export interface ProfileCheckDeps {
  ds: DataSource;
  audit: AuditService;
  alert: (msg: string, fields: Record<string, string>) => void;
  driver: BrowserDriver;
  access: BrowserProfileAccess;
  profiles: BrowserProfileService;
  runnerId: string;
  platforms: PlatformId[];
  baseUrl(platform: PlatformId): string;
  /** a profile's walk is due again after this long (and at once when it was never checked) */
  recheckAfterSeconds: number;
}

const ACTOR = 'system:browser-self-check';

/**
 * The selector map's self-check page walk (C-43), run by the runner on the profiles it holds (and on new ones, at
 * once): it reads the identity against the signed manifest (C-41) and walks the map's pages, clicking nothing. Drift
 * or a challenge page turns the profile read-only before a post is due; an identity mismatch quarantines the account.
 */
export async function checkDueProfiles(d: ProfileCheckDeps): Promise<number> {
  // ids only, across tenants (a security-definer function); each walk then runs in its client's scope
  const due = (await realDataSource(d.ds).query(
    `SELECT client_id, profile_id FROM raize_browser_profiles_due_check($1, $2, $3)`,
    [d.runnerId, d.platforms, d.recheckAfterSeconds],
  )) as { client_id: string; profile_id: string }[];
  let checked = 0;
  for (const row of due) {
    try {
      await runInTenantScope(d.ds, await clientScope(d.ds, row.client_id), () =>
        checkOne(d, row.client_id, row.profile_id),
      );
      checked++;
    } catch (err) {
      // A page that would not load says nothing about the profile: the next round walks it again.
      logger.warn({ 'raize.client_id': row.client_id, 'error.kind': (err as Error).name }, 'browser self-check failed');
    }
  }
  return checked;
}

async function checkOne(d: ProfileCheckDeps, clientId: string, profileId: string): Promise<void> {
  const runners = new RunnerRepository(d.ds);
  const profile = await d.ds.manager.findOne(BrowserProfile, { where: { id: profileId, clientId } });
  if (!profile) return;
  const account = await d.ds.manager.findOne(PlatformAccount, { where: { id: profile.platformAccountId, clientId } });
  if (!account) return;
  // An unassigned profile is placed first; one another runner holds is that runner's to walk.
  const holder = await d.ds.transaction((m) =>
    runners.assign(m, { clientId, profileId, platform: profile.platform, staleAfterMs: 30_000 }),
  );
  if (holder?.id !== d.runnerId) return;
  const platform = profile.platform as PlatformId;
  const record = (check: BrowserCheckInput) =>
    d.profiles.recordCheck({ clientId, profileId, check, selectorMapVersion: d.driver.selectorMapVersion(platform) });

  const opened = await d.access.open(account, ACTOR);
  if ('refused' in opened) {
    const kind = opened.refused.code.replace(/^browser_/, '');
    return record({
      ok: false,
      stopKind: isBrowserStopKind(kind) ? kind : 'profile_unreadable',
      observed: null,
      detail: null,
    });
  }
  const session = await d.driver.open({ platform, baseUrl: d.baseUrl(platform), storageState: opened.state });
  try {
    const identity = await session.identity();
    const observed = { ...identity };
    const same = await assertPageIdentity(d, account, opened.manifest, identity, ACTOR);
    if (!same.ok) return record({ ok: false, stopKind: 'identity_mismatch', observed, detail: null });
    const walk = await session.selfCheck(opened.manifest.handle);
    if (walk.ok) return record({ ok: true, stopKind: null, observed, detail: null });
    await stop(d, account, profileId, walk.stop, walk.missing);
    return record({
      ok: false,
      stopKind: walk.stop,
      observed,
      missingSelectors: walk.missing,
      detail: `page ${walk.page}`,
    });
  } catch (err) {
    if (!(err instanceof BrowserLaneStop) || err.kind === 'identity_mismatch') throw err;
    await stop(d, account, profileId, err.kind, err.missing);
    return record({ ok: false, stopKind: err.kind, observed: null, missingSelectors: err.missing, detail: null });
  } finally {
    await session.close();
  }
}

async function stop(
  d: ProfileCheckDeps,
  account: PlatformAccount,
  profileId: string,
  kind: Exclude<BrowserLaneStop['kind'], 'identity_mismatch'>,
  missing: string[],
): Promise<void> {
  await d.access.stopSideEffects(account, profileId, browserStopReason(kind, missing), ACTOR);
  d.alert(`browser self-check: ${kind}`, { clientId: account.clientId, accountId: account.id });
}

/** Walks due profiles every `everyMs` until stopped; one round at a time. */
export function startProfileCheckLoop(d: ProfileCheckDeps, everyMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? 0 : checkDueProfiles(d)))
      .catch((err: Error) =>
        logger.warn({ 'error.kind': err.name, 'raize.operation': 'browser.self_check' }, 'self-check round failed'),
      );
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
