import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { assertFingerprint } from '../fingerprint.guard';
import type { GuardDeps } from '../guard.deps';
import type { EffectTarget } from '../kernel/side-effect.adapter';
import type { LaneSession } from './lane-session';

/** The platform's API: the connector's reader and writer with the account's stored token (C-11, C-19). */
export async function openApiLane(
  deps: GuardDeps,
  target: EffectTarget,
): Promise<LaneSession | { refused: { code: string; message: string } }> {
  const platform = target.account.platform;
  const credentialRefId = target.account.credentialRefId;
  if (!isPlatformId(platform) || !credentialRefId)
    return { refused: { code: 'no_connector', message: `no connector or credential for ${platform}` } };
  const reader = deps.platforms.reader(platform);
  const cred = await deps.credentials.load(deps.ds.manager, target.clientId, credentialRefId);
  return {
    cred,
    reader,
    writer: deps.platforms.writer(platform),
    credentialRefId,
    assertIdentity: (actor, opts) => assertFingerprint(deps, target.account, reader, cred, actor, opts),
    proof: () => null,
    close: async () => undefined,
  };
}
