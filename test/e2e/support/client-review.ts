import { connectSandboxAccount } from '../../factories/connect-account';
import type { PostView } from '../../factories/posts';
import { approvePost, createAsset, schedulePost, waitForPost } from '../../factories/posts';
import type { TestStack } from '../../harness/stack';

/** One GraphQL call as a development actor that must succeed: its data, or a throw naming the errors. */
export async function gqlOk<T>(stack: TestStack, actorId: string, query: string, variables: object): Promise<T> {
  const r = await stack.gql<T>(actorId, query, variables as Record<string, unknown>);
  if (!r.data || r.errors?.length) throw new Error(`GraphQL refused: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export interface ClientUnderReview {
  accountId: string;
  handle: string;
}

/**
 * A client whose posts need the agency's and then the client's approval on the sandbox (issue #14), with a sandbox
 * account connected through the real OAuth flow.
 */
export async function clientWithClientStage(
  stack: TestStack,
  ids: { admin: string; clientId: string },
): Promise<ClientUnderReview> {
  await gqlOk(
    stack,
    ids.admin,
    'mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { clientId } }',
    {
      i: {
        clientId: ids.clientId,
        approvalStages: [{ action: 'publish', platform: 'sandbox', stage: 'internal_then_client' }],
      },
    },
  );
  const acc = await connectSandboxAccount(stack, ids.admin, ids.clientId);
  return { accountId: acc.accountId, handle: acc.handle };
}

/**
 * A post written and scheduled by the author, waiting in its episode for approval, then approved by the approver
 * (the agency's stage): it now waits for the client.
 */
export async function postWaitingForClient(
  stack: TestStack,
  ids: { author: string; approver: string; clientId: string; accountId: string },
  text: string,
  at: Date,
): Promise<PostView> {
  const asset = await createAsset(stack, ids.author, ids.clientId, text);
  const post = await schedulePost(stack, ids.author, {
    clientId: ids.clientId,
    platformAccountId: ids.accountId,
    assetId: asset.id,
    inSeconds: 0,
    at,
  });
  await waitForPost(stack, ids.author, post.id, (p) => p.workflowStatus === 'awaiting_approval');
  const approved = await approvePost(stack, ids.approver, post.id);
  if (approved.errors?.length) throw new Error(`approvePost: ${JSON.stringify(approved.errors)}`);
  return post;
}

export async function addReviewer(
  stack: TestStack,
  actorId: string,
  clientId: string,
  name: string,
  email: string,
): Promise<string> {
  const r = await gqlOk<{ addClientReviewer: { id: string } }>(
    stack,
    actorId,
    'mutation($i: AddClientReviewerInput!) { addClientReviewer(input: $i) { id } }',
    { i: { clientId, name, email } },
  );
  return r.addClientReviewer.id;
}

export interface MadeLink {
  id: string;
  url: string;
  token: string;
}

export async function makeReviewLink(
  stack: TestStack,
  actorId: string,
  input: { clientId: string; reviewerId: string; postIds?: string[]; expiresInDays?: number },
): Promise<MadeLink> {
  const r = await gqlOk<{ createReviewLink: { url: string; link: { id: string } } }>(
    stack,
    actorId,
    'mutation($i: CreateReviewLinkInput!) { createReviewLink(input: $i) { url link { id } } }',
    { i: input },
  );
  const url = r.createReviewLink.url;
  return { id: r.createReviewLink.link.id, url, token: new URL(url).hash.slice(1) };
}

export async function revokeReviewLink(stack: TestStack, actorId: string, clientId: string, linkId: string) {
  await gqlOk(stack, actorId, 'mutation($i: ReviewLinkRefInput!) { revokeReviewLink(input: $i) { id status } }', {
    i: { clientId, linkId },
  });
}
