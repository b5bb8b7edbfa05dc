import type { RealPlatformId } from '../../../services/core/config/platform-config';
import { EMULATOR_PORTS } from '../../../services/core/config/platform-config';
import type { PublishProof } from '../../../services/core/database/entities';
import { connectEmulatedAccount } from './finish-connect';
import type { OperatorSession } from './graphql-client';
import type { LocalStack } from './local-stack';
import type { Progress } from './progress';
import { renderJpeg, renderMp4 } from './render-media';
import type { EpisodeResult, PostView } from './publish-episode';
import { berlinTime, POST_FIELDS, waitVerified } from './publish-episode';

export interface PlatformEpisodeResult {
  platform: RealPlatformId;
  handle: string;
  post: PostView;
  proof: PublishProof;
  mediaKind: 'image' | 'video';
}

/** What each platform is shown: a video where the platform is video-first, else an image. */
const MEDIA: Record<RealPlatformId, 'image' | 'video'> = {
  instagram: 'video',
  facebook: 'image',
  linkedin: 'image',
  x: 'image',
  tiktok: 'video',
  youtube: 'video',
};

/** A demo image (4:5 JPEG) or a vertical clip (H.264 MP4, 5 s), captioned with the platform. */
function renderMedia(kind: 'image' | 'video', label: string): { bytes: Buffer; contentType: string } {
  return kind === 'image'
    ? { bytes: renderJpeg(1080, 1350, label), contentType: 'image/jpeg' }
    : { bytes: renderMp4(5, 720, 1280, label), contentType: 'video/mp4' };
}

/**
 * The publishing episode on one real platform, against its local emulator: connect the brand's account through the
 * platform's consent dialog, upload the media, create and schedule the post (its media checked against the
 * platform's rules), four-eyes approval, then the platform's own flow (containers, chunked or resumable uploads)
 * through the guard, read back and proven.
 */
export async function runPlatformEpisode(
  stack: LocalStack,
  progress: Progress,
  first: EpisodeResult,
  platform: RealPlatformId,
  o: { verifyTimeoutMs: number; leadSeconds: number },
): Promise<PlatformEpisodeResult> {
  const { gql, author, approver } = first.sessions;
  const clientId = first.tenant.clientId;
  const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORTS[platform]}`;

  const account = await progress.step(
    `connect a ${platform} account through its consent dialog (the ${platform} emulator at ${emulatorUrl})`,
    () => connectEmulatedAccount({ gql, actorId: approver, clientId, platform }),
    (a) => `platform account ${a.accountId} (${a.handle})`,
  );

  const kind = MEDIA[platform];
  const media = renderMedia(kind, `Raize on ${platform}`);
  const uploaded = await progress.step(
    `upload the post's ${kind} (${media.contentType}, ${Math.round(media.bytes.length / 1024)} KB) to the artifact store`,
    () => upload(stack, author, clientId, kind, media),
    (r) => `artifact ${r.key.split('/').pop()}`,
  );

  const text = `Raize on ${platform}: published by a Temporal workflow at ${berlinTime(new Date())}, after four-eyes approval. #raize`;
  const asset = await gql.request<{ createAsset: { id: string; checksum: string } }>(
    author,
    'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
    { i: { clientId, text, mediaKey: uploaded.key } },
  );

  const scheduled = await progress.step(
    `schedule it on ${account.handle} ${o.leadSeconds}s ahead (its media checked against ${platform}'s rules) and approve it`,
    async () => {
      const s = await gql.request<{ schedulePost: PostView }>(
        author,
        `mutation($i: SchedulePostInput!) { schedulePost(input: $i) { ${POST_FIELDS} } }`,
        {
          i: {
            clientId,
            platformAccountId: account.accountId,
            assetId: asset.createAsset.id,
            scheduledAt: new Date(Date.now() + o.leadSeconds * 1000).toISOString(),
          },
        },
      );
      await gql.request(approver, `mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }`, {
        i: { postId: s.schedulePost.id, assetChecksum: asset.createAsset.checksum, note: `looks good on ${platform}` },
      });
      return s.schedulePost;
    },
    (p) => `post ${p.id}, workflow ${p.workflowId}`,
  );

  const post = await progress.step(
    `wait until ${platform} has it, read back and verified (up to ${Math.round(o.verifyTimeoutMs / 1000)}s)`,
    () =>
      Promise.race([
        waitVerified(gql, approver, scheduled.id, o.verifyTimeoutMs, (m) => progress.info(m), stack),
        stack.failed,
      ]),
    (p) => `${p.url} (platform post ${p.platformPostId})`,
  );
  const proof = JSON.parse(post.proof ?? '{}') as PublishProof;
  const sent = proof.media?.[0];
  if (!sent || sent.size !== media.bytes.length)
    throw new Error(`the proof of the ${platform} post does not record the ${kind} that was sent`);
  return { platform, handle: account.handle, post, proof, mediaKind: kind };
}

/**
 * A connection reset before any answer (a replica, or the proxy's link to it, going away: docs/cluster.md) is tried
 * again: an upload that did land twice leaves one unreferenced artifact, nothing a post uses twice.
 */
async function postWithRetry(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (attempt >= attempts)
        throw new Error(
          `the upload did not reach the API: ${e.message} (${e.cause?.code ?? e.cause?.message ?? 'no cause'})`,
        );
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

async function upload(
  stack: LocalStack,
  who: OperatorSession,
  clientId: string,
  kind: 'image' | 'video',
  media: { bytes: Buffer; contentType: string },
): Promise<{ key: string }> {
  const res = await postWithRetry(`${stack.apiUrl}/artifacts/upload?clientId=${clientId}&kind=${kind}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-artifact-content-type': media.contentType,
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
    },
    body: media.bytes,
  });
  const body = (await res.json()) as { key?: string; message?: string };
  if (res.status !== 201 || !body.key)
    throw new Error(`the upload was refused: HTTP ${res.status} ${body.message ?? ''}`);
  return { key: body.key };
}
