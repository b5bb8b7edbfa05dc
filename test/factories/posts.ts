import type { PublishProof } from '../../services/core/database/entities';
import type { TestStack } from '../harness/stack';

export interface PostView {
  id: string;
  status: string;
  reasons: { code: string; message: string }[];
  url: string | null;
  platformPostId: string | null;
  proof: string | null;
  workflowId: string;
  workflowStatus: string | null;
  approvals: { approverId: string; role: string }[];
}

const POST_FIELDS =
  'id status reasons { code message } url platformPostId proof workflowId workflowStatus approvals { approverId role }';

export async function createAsset(
  stack: TestStack,
  actorId: string,
  clientId: string,
  text: string,
): Promise<{ id: string; checksum: string }> {
  const r = await stack.gql<{ createAsset: { id: string; checksum: string } }>(
    actorId,
    'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
    { i: { clientId, text } },
  );
  if (!r.data) throw new Error(`createAsset: ${JSON.stringify(r.errors)}`);
  return r.data.createAsset;
}

export async function schedulePost(
  stack: TestStack,
  actorId: string,
  i: { clientId: string; platformAccountId: string; assetId: string; inSeconds: number; at?: Date },
): Promise<PostView> {
  // `at` pins the exact instant, so several posts can be due in the same millisecond.
  const scheduledAt = (i.at ?? new Date(Date.now() + i.inSeconds * 1000)).toISOString();
  const r = await stack.gql<{ schedulePost: PostView }>(
    actorId,
    `mutation($i: SchedulePostInput!) { schedulePost(input: $i) { ${POST_FIELDS} } }`,
    {
      i: { clientId: i.clientId, platformAccountId: i.platformAccountId, assetId: i.assetId, scheduledAt },
    },
  );
  if (!r.data) throw new Error(`schedulePost: ${JSON.stringify(r.errors)}`);
  return r.data.schedulePost;
}

export async function postMutation(
  stack: TestStack,
  actorId: string,
  name: 'approvePost' | 'rejectPost' | 'cancelPost',
  postId: string,
) {
  if (name === 'approvePost') return approvePost(stack, actorId, postId);
  return stack.gql<Record<string, PostView>>(
    actorId,
    `mutation($i: PostDecisionInput!) { ${name}(input: $i) { ${POST_FIELDS} } }`,
    { i: { postId } },
  );
}

/**
 * Approves as a reviewer's page does: with the checksum of the text it displays (C-23), read here through the API
 * as that operator sees it; `assetChecksum` pins another one (a page that shows an older text).
 */
export async function approvePost(stack: TestStack, actorId: string, postId: string, assetChecksum?: string) {
  return stack.gql<Record<string, PostView>>(
    actorId,
    `mutation($i: ApprovePostInput!) { approvePost(input: $i) { ${POST_FIELDS} } }`,
    { i: { postId, assetChecksum: assetChecksum ?? (await displayedChecksum(stack, actorId, postId)) } },
  );
}

/** The checksum of the post's text as the operator's page shows it; one that matches nothing when they cannot. */
export async function displayedChecksum(stack: TestStack, actorId: string, postId: string): Promise<string> {
  const post = await stack.gql<{ post: { clientId: string; assetId: string } }>(
    actorId,
    'query($id: ID!) { post(id: $id) { clientId assetId } }',
    { id: postId },
  );
  if (!post.data) return '0'.repeat(64);
  const assets = await stack.gql<{ assets: { id: string; checksum: string }[] }>(
    actorId,
    'query($c: ID!) { assets(clientId: $c) { id checksum } }',
    { c: post.data.post.clientId },
  );
  return assets.data?.assets.find((a) => a.id === post.data!.post.assetId)?.checksum ?? '0'.repeat(64);
}

export async function getPost(stack: TestStack, actorId: string, postId: string): Promise<PostView> {
  const r = await stack.gql<{ post: PostView }>(actorId, `query($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`, {
    id: postId,
  });
  if (!r.data) throw new Error(`post: ${JSON.stringify(r.errors)}`);
  return r.data.post;
}

/** Polls the API until the post's status (database, or the live workflow view) satisfies the predicate. */
export async function waitForPost(
  stack: TestStack,
  actorId: string,
  postId: string,
  ok: (p: PostView) => boolean,
  timeoutMs = 45_000,
): Promise<PostView> {
  const deadline = Date.now() + timeoutMs;
  let last: PostView | undefined;
  while (Date.now() < deadline) {
    last = await getPost(stack, actorId, postId);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`post ${postId} did not reach the expected state; last seen: ${JSON.stringify(last)}`);
}

/** The API hands the proof over as the JSON text of what the guard stored. */
export function proofOf(post: PostView): PublishProof {
  if (post.proof === null) throw new Error(`post ${post.id} has no proof`);
  return JSON.parse(post.proof) as PublishProof;
}

export const hasStatus =
  (...s: string[]) =>
  (p: PostView) =>
    s.includes(p.status);

export async function sandboxPostsBy(stack: TestStack, sandboxUserId: string) {
  return (await stack.sandboxAdmin.listPosts()).filter((p) => p.authorId === sandboxUserId);
}

export async function postAttempts(stack: TestStack): Promise<number> {
  return (await stack.sandboxAdmin.listRequests()).filter((r) => r.method === 'POST' && r.path === '/posts').length;
}
