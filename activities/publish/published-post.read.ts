import type { PlatformPost } from '../../services/core/connectors/connector.types';
import { PlatformAccount } from '../../services/core/database/entities';
import { AssetRepository } from '../../services/core/repositories/asset.repository';
import type { PublishJobRepository } from '../../services/core/repositories/publish-job.repository';
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import type { GuardDeps } from '../guard/guard.deps';

/** What was sent, as the read-back is compared with it (showsOurPost). */
export interface SentPost {
  text: string;
  externalAccountId: string;
}

/**
 * A published post read back from its platform: `no_job` when the job is not this client's, `no_reader` when there is
 * nothing to read it with (the account has no credential, the asset or platform is gone), else the platform's answer
 * (null: the platform shows no such post). Platform errors are thrown for the caller to judge: the publish
 * verification counts one as "not read back yet", the receipt check retries it and never reads it as "removed".
 */
export type PublishedPostRead =
  | { kind: 'no_job' }
  | { kind: 'no_reader' }
  | { kind: 'read'; postId: string; post: PlatformPost | null; sent: SentPost; platformAccountId: string };

/**
 * Reads a published post through its account's connector reader with the account's current credential. The job,
 * account and asset are loaded by id AND client (C-05); the credential is read from the secrets backend at the
 * moment of use. `postId` defaults to the one recorded on the job.
 */
export async function readPublishedPost(
  deps: Pick<GuardDeps, 'ds' | 'credentials' | 'platforms'>,
  jobs: PublishJobRepository,
  q: { clientId: string; jobId: string; postId?: string },
): Promise<PublishedPostRead> {
  const assets = new AssetRepository();
  const found = await deps.ds.transaction(async (m) => {
    const job = await jobs.findForClient(m, { id: q.jobId, clientId: q.clientId });
    if (!job) return { kind: 'no_job' as const };
    const account = await m.findOne(PlatformAccount, {
      where: { id: job.platformAccountId, clientId: job.clientId },
    });
    const asset = await assets.findForClient(m, { id: job.assetId, clientId: job.clientId });
    const postId = q.postId ?? job.platformPostId;
    if (!account?.credentialRefId || !asset || !postId || !isPlatformId(account.platform))
      return { kind: 'no_reader' as const };
    return { kind: 'found' as const, account, asset, postId, platform: account.platform };
  });
  if (found.kind !== 'found') return found;
  const credentialRefId = found.account.credentialRefId!;
  const cred = await deps.credentials.load(deps.ds.manager, q.clientId, credentialRefId);
  const post = await deps.platforms.reader(found.platform).readPost(cred, found.postId);
  return {
    kind: 'read',
    postId: found.postId,
    post,
    sent: { text: found.asset.text, externalAccountId: found.account.externalAccountId },
    platformAccountId: found.account.id,
  };
}
