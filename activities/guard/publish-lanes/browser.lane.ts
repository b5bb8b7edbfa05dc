import type { BrowserDriver, BrowserSession, PageIdentity } from '../../../services/core/browser/browser-driver.port';
import { BrowserLaneStop } from '../../../services/core/browser/browser-driver.port';
import { BROWSER_STOP_MESSAGES } from '../../../workflows/contracts/vocabulary/browser-lane';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import { assertPageIdentity } from '../browser-identity.guard';
import type { GuardDeps } from '../guard.deps';
import type { EffectTarget } from '../kernel/side-effect.adapter';
import { openApiLane } from './api.lane';
import type { BrowserProfileAccess } from './browser-profile-access';
import { browserReader, browserWriter, identityRefused } from './browser.connectors';
import { ProofRecorder } from './browser.session-io';
import type { LaneResolver, LaneSession } from './lane-session';
import { laneActsThroughBrowser } from './lane-resolver';

type StopKind = Exclude<BrowserLaneStop['kind'], 'identity_mismatch'>;
type StopError = BrowserLaneStop & { kind: StopKind };

export interface BrowserLaneDeps {
  driver: BrowserDriver;
  profiles: BrowserProfileAccess;
  /** where the platform's web pages are (the sandbox: its public URL) */
  baseUrl(platform: PlatformId): string;
}

/** A page stop as the reason the post waits on: the vocabulary's operator message, with the missing selectors. */
export function browserStopReason(kind: StopKind, missing: readonly string[]): Reason {
  const said = BROWSER_STOP_MESSAGES[kind];
  return { code: `browser_${kind}`, message: missing.length ? `${said} (${missing.join(', ')})` : said };
}

/**
 * A browser runner's lanes: the browser (publish and read back through the page), hybrid (one side writes, the
 * other verifies), and the API for everything else. Identity is checked against the signed manifest before every
 * action (C-41); an unexpected page stops the action and turns the profile read-only (C-43).
 */
export function browserLanes(deps: GuardDeps, b: BrowserLaneDeps): LaneResolver {
  // the profile each open browser action runs with, by account: a stop turns that profile read-only
  const profileOf = new Map<string, string>();
  return {
    async open(target, ctx) {
      if (!laneActsThroughBrowser(ctx.action, target.account.lane)) return openApiLane(deps, target);
      const platform = target.account.platform as PlatformId;
      const version = b.driver.selectorMapVersion(platform);
      if (!version)
        return {
          refused: { code: 'no_connector', message: `no browser selector map for ${platform} in this release` },
        };
      const opened = await b.profiles.open(target.account, ctx.actor);
      if ('refused' in opened) return opened;
      const browserWrites = target.account.lane === 'browser' || opened.hybridWriter === 'browser';
      // The policy refuses this already (lanes.rego); the lane does not rely on it alone (C-42).
      if (browserWrites && opened.mode !== 'side_effects')
        return {
          refused: {
            code: 'browser_profile_read_only',
            message: 'the browser profile is read-only; two Admins must enable side effects',
          },
        };
      const api = target.account.lane === 'hybrid' ? await openApiLane(deps, target) : null;
      if (api && 'refused' in api) return api;

      profileOf.set(target.account.id, opened.profileId);
      const recorder = new ProofRecorder(deps.artifacts, target, version);
      const confirm = async (page: PageIdentity) => {
        const check = await assertPageIdentity(deps, target.account, opened.manifest, page, ctx.actor);
        if (!check.ok) throw identityRefused();
      };
      let session: BrowserSession;
      try {
        session = await b.driver.open({ platform, baseUrl: b.baseUrl(platform), storageState: opened.state });
      } catch (err) {
        profileOf.delete(target.account.id);
        if (err instanceof BrowserLaneStop && err.kind !== 'identity_mismatch')
          return { refused: await stop(err as StopError, target, opened.profileId, ctx.actor) };
        throw err;
      }
      const reader = browserReader(platform, session, recorder, opened.manifest.handle);
      const writer = browserWriter(platform, session, recorder, confirm);
      const lane: LaneSession = {
        cred: api ? api.cred : { accessToken: '' },
        credentialRefId: api ? api.credentialRefId : null,
        // hybrid: the API writes and the page verifies, or the reverse (the profile says which)
        writer: api && !browserWrites ? api.writer : writer,
        reader: api && browserWrites ? api.reader : reader,
        async assertIdentity(actor, opts) {
          if (api) {
            const viaToken = await api.assertIdentity(actor, opts);
            if (!viaToken.ok) return viaToken;
          }
          const page = await session.identity();
          return assertPageIdentity(deps, target.account, opened.manifest, page, actor);
        },
        proof: () => recorder.proof(),
        close: async () => {
          profileOf.delete(target.account.id);
          await session.close();
        },
      };
      return lane;
    },

    async stopped(err, target, actor): Promise<Reason | undefined> {
      if (!(err instanceof BrowserLaneStop)) return undefined;
      if (err.kind === 'identity_mismatch')
        return { code: 'fingerprint_mismatch', message: 'the page shows another identity; the account is quarantined' };
      return stop(err as StopError, target, profileOf.get(target.account.id) ?? null, actor);
    },
  };

  async function stop(err: StopError, target: EffectTarget, profileId: string | null, actor: string) {
    const reason = browserStopReason(err.kind, err.missing);
    if (profileId) await b.profiles.stopSideEffects(target.account, profileId, reason, actor);
    deps.alert(`browser lane stopped: ${err.kind}`, { clientId: target.clientId, accountId: target.account.id });
    return reason;
  }
}
