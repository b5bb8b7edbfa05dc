import { Inject, Injectable } from '@nestjs/common';
import type { ArtifactStore } from '../../../core/artifacts/artifact-store.port';
import { isArtifactRejection } from '../../../core/artifacts/artifact.errors';
import { keyOfClient } from '../../../core/artifacts/artifact-key';
import { logger } from '../../../core/telemetry/logger';
import { Actor } from '../../auth/actor';
import { ARTIFACT_STORE } from '../artifacts/artifact-store.provider';
import type { RecordedArtifactStore } from '../../../core/artifacts/recorded-artifact-store';
import type { BrowserProofModel } from './browser-proof.model';
import { storedBrowserProof } from './browser-proof.schema';
import { PostsService } from './posts.service';

/** How long the proof's links work: long enough to open them from the page, short enough to be no lasting key (C-46). */
export const PROOF_URL_SECONDS = 300;

/**
 * The browser lane's proof of a post (C-44) with links signed on read. The post is loaded through the same tenant
 * check as every post read (another client's post answers "not found", C-02), and only keys of that post's own
 * client, of the `proof` kind, are ever signed: a key of anything else named in the JSON gets no link.
 */
@Injectable()
export class PostBrowserProofService {
  constructor(
    @Inject(ARTIFACT_STORE) private readonly store: RecordedArtifactStore,
    private readonly posts: PostsService,
  ) {}

  async get(actor: Actor, postId: string): Promise<BrowserProofModel | null> {
    const job = await this.posts.loadVisible(actor, postId, 'client.read');
    if (!job.proof?.browser) return null;
    const parsed = storedBrowserProof.safeParse(job.proof.browser);
    if (!parsed.success) {
      // The raw proof stays on the post; this view of it is only left out.
      logger.warn({ 'raize.post_id': job.id }, 'browser proof of a post does not have the shape Raize writes');
      return null;
    }
    return signProof(this.store.as(`user:${actor.userId}`), job.clientId, parsed.data, new Date());
  }
}

/** The stored proof with its keys exchanged for signed links; the keys themselves are never given out. */
export async function signProof(
  store: Pick<ArtifactStore, 'signedUrl'>,
  clientId: string,
  proof: { selectorMapVersion: string; steps: StepKeys[] },
  now: Date,
): Promise<BrowserProofModel> {
  const steps: BrowserProofModel['steps'] = [];
  // In turn: the request's tenant scope is one database connection.
  for (const s of proof.steps) {
    steps.push({
      step: s.step,
      url: s.url,
      at: new Date(s.at),
      masked: s.masked,
      screenshotUrl: await proofLink(store, clientId, s.screenshotKey),
      domUrl: await proofLink(store, clientId, s.domKey),
    });
  }
  return {
    selectorMapVersion: proof.selectorMapVersion,
    steps,
    linksExpireAt: new Date(now.getTime() + PROOF_URL_SECONDS * 1000),
  };
}

interface StepKeys {
  step: string;
  url: string;
  at: string;
  masked: number;
  screenshotKey: string;
  domKey: string;
}

async function proofLink(
  store: Pick<ArtifactStore, 'signedUrl'>,
  clientId: string,
  key: string,
): Promise<string | null> {
  try {
    // Checked before the store is asked, so a key of another client or kind is never even looked up.
    if (keyOfClient(key, clientId).kind !== 'proof') return refused('wrong_kind');
    return await store.signedUrl({ key, clientId }, { expiresInSeconds: PROOF_URL_SECONDS });
  } catch (err) {
    // One missing picture must not hide the rest of the proof; the operator sees that link absent.
    if (isArtifactRejection(err)) return refused(err.reason);
    throw err;
  }
}

function refused(why: string): null {
  // Never the key in the log: it names the tenant's tree.
  logger.warn({ 'raize.operation': 'post.browser_proof', 'raize.outcome': why }, 'no signed link for a proof artifact');
  return null;
}
