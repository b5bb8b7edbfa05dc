import { createDataSource } from '../../../services/core/database/data-source';
import { MailCatcherClient } from '../../../services/mailcatcher/mail-catcher.client';
import type { LocalStack } from './local-stack';
import type { Progress } from './progress';
import type { EpisodeResult } from './publish-episode';
import { berlinTime, POST_FIELDS } from './publish-episode';
import { DEMO } from './demo-tenant';

export interface ClientReviewResult {
  reviewer: string;
  postId: string;
  url: string | null;
  waitedForClient: boolean;
  approvals: { role: string }[];
  portalUrl: string;
}

const REVIEWER = { name: 'Carla Client', email: 'carla@client.example' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stages the demo client takes for this step, and gives back after it (its other episodes need none). */
async function setSandboxStages(stack: LocalStack, clientId: string, stages: Record<string, unknown>): Promise<void> {
  const ds = createDataSource(stack.postgres.url, { poolSize: 1, applicationName: 'raize-demo' });
  await ds.initialize();
  try {
    await ds.query('UPDATE client_policy_settings SET approval_stages = $2, updated_at = now() WHERE client_id = $1', [
      clientId,
      JSON.stringify(stages),
    ]);
  } finally {
    await ds.destroy();
  }
}

/**
 * The client's side (issue #14): the demo client's sandbox posts need the agency's approval, then the client's. The
 * approver approves a new post; its slot passes and it waits for the client; the client's reviewer gets a review
 * link by mail (the local mail catcher), opens it with the one-time code mailed to them, and approves in the portal;
 * only then does the post go out.
 */
export async function runClientReviewEpisode(
  stack: LocalStack,
  progress: Progress,
  published: EpisodeResult,
  o: { timeoutMs: number },
): Promise<ClientReviewResult> {
  const { gql, author, approver } = published.sessions;
  const clientId = published.tenant.clientId;
  const mail = new MailCatcherClient(stack.mailCatcherUrl);
  await progress.step(
    `require the client's approval after the agency's for ${DEMO.client}'s sandbox posts`,
    () => setSandboxStages(stack, clientId, { publish: { sandbox: 'internal_then_client' } }),
    () => 'approval stages: publish on sandbox = internal_then_client',
  );
  try {
    const reviewer = await progress.step(
      `name the client's reviewer ${REVIEWER.name} <${REVIEWER.email}> (no account)`,
      async () => {
        const known = await gql.request<{
          clientReviewers: { id: string; email: string; disabledAt: string | null }[];
        }>(author, 'query($c: ID!) { clientReviewers(clientId: $c) { id email disabledAt } }', { c: clientId });
        const found = known.clientReviewers.find((r) => r.email === REVIEWER.email && !r.disabledAt);
        if (found) return found.id;
        const added = await gql.request<{ addClientReviewer: { id: string } }>(
          author,
          'mutation($i: AddClientReviewerInput!) { addClientReviewer(input: $i) { id } }',
          { i: { clientId, ...REVIEWER } },
        );
        return added.addClientReviewer.id;
      },
      (id) => `reviewer ${id}`,
    );

    const text = `Raize demo: this one waited for the client's approval (${berlinTime(new Date())}). #raize`;
    const post = await progress.step(
      'schedule a post 5s ahead (author) and approve it (approver: the agency stage)',
      async () => {
        const asset = await gql.request<{ createAsset: { id: string; checksum: string } }>(
          author,
          'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
          { i: { clientId, text } },
        );
        const scheduled = await gql.request<{ schedulePost: { id: string } }>(
          author,
          'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }',
          {
            i: {
              clientId,
              platformAccountId: published.accountId,
              assetId: asset.createAsset.id,
              scheduledAt: new Date(Date.now() + 5000).toISOString(),
            },
          },
        );
        await gql.request(approver, 'mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }', {
          i: { postId: scheduled.schedulePost.id, assetChecksum: asset.createAsset.checksum },
        });
        return scheduled.schedulePost.id;
      },
      (id) => `post ${id}`,
    );

    const waited = await progress.step(
      'wait for the slot: the post must not go out without the client',
      async () => {
        const deadline = Date.now() + o.timeoutMs;
        for (;;) {
          const p = await gql.request<{
            post: { status: string; reasons: { code: string }[]; clientReviewState: string };
          }>(author, 'query($id: ID!) { post(id: $id) { status reasons { code } clientReviewState } }', { id: post });
          if (p.post.reasons.some((r) => r.code === 'client_approval_required')) return p.post;
          if (['published', 'verified'].includes(p.post.status))
            throw new Error('the post went out without the client’s approval');
          if (Date.now() > deadline) throw new Error(`the post did not reach its slot (status ${p.post.status})`);
          await sleep(500);
        }
      },
      (p) => `held at its slot: client_approval_required (${p.clientReviewState})`,
    );

    const link = await progress.step(
      'make a review link that asks for a one-time code, and mail it to the reviewer',
      () =>
        gql.request<{ createReviewLink: { url: string; emailed: boolean } }>(
          author,
          'mutation($i: CreateReviewLinkInput!) { createReviewLink(input: $i) { url emailed } }',
          { i: { clientId, reviewerId: reviewer, requireCode: true, sendEmail: true, expiresInDays: 7 } },
        ),
      (r) => `mailed: ${r.createReviewLink.emailed} (the link is shown once; the table keeps its hash)`,
    );
    const token = link.createReviewLink.url.slice(link.createReviewLink.url.indexOf('#') + 1);

    const portal = await progress.step(
      'the reviewer opens the link; the portal mails a code; the reviewer types it',
      async () => {
        const api = `${stack.apiUrl}/portal/api`;
        const sentAt = Date.now();
        const open = await fetch(`${api}/open`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        });
        if (!open.ok) throw new Error(`the portal refused the link: HTTP ${open.status}`);
        const codeMail = await mail.waitFor(
          (m) =>
            m.to.includes(REVIEWER.email) && m.subject.includes('review code') && Date.parse(m.date) >= sentAt - 1000,
          o.timeoutMs,
        );
        const code = /: (\d{6})$/.exec(codeMail.subject)?.[1];
        if (!code) throw new Error('no code in the mail');
        const res = await fetch(`${api}/code`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, code }),
        });
        const body = (await res.json()) as { csrfToken?: string };
        const cookie = res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        if (!res.ok || !body.csrfToken) throw new Error(`the code was refused: HTTP ${res.status}`);
        return { api, cookie, csrf: body.csrfToken };
      },
      () => 'portal session (HttpOnly cookie for /portal only, CSRF token)',
    );

    await progress.step(
      'the reviewer approves the post in the portal',
      async () => {
        const list = await fetch(`${portal.api}/posts`, { headers: { cookie: portal.cookie } });
        const { posts } = (await list.json()) as { posts: { id: string; checksum: string; state: string }[] };
        const shown = posts.find((p) => p.id === post);
        if (!shown) throw new Error('the portal does not show the post');
        const res = await fetch(`${portal.api}/posts/${post}/decision`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: portal.cookie, 'x-csrf-token': portal.csrf },
          body: JSON.stringify({ kind: 'approve', checksum: shown.checksum }),
        });
        if (!res.ok) throw new Error(`the approval was refused: HTTP ${res.status} ${await res.text()}`);
        return shown.state;
      },
      (state) => `was ${state}; approved by ${REVIEWER.name}`,
    );

    const done = await progress.step(
      'wait until the post is published and verified',
      async () => {
        const deadline = Date.now() + o.timeoutMs;
        for (;;) {
          const p = await gql.request<{ post: { status: string; url: string | null; approvals: { role: string }[] } }>(
            author,
            `query($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`,
            { id: post },
          );
          if (p.post.status === 'verified') return p.post;
          if (['denied', 'rejected', 'cancelled', 'failed'].includes(p.post.status))
            throw new Error(`the post ended ${p.post.status}`);
          if (Date.now() > deadline) throw new Error(`not verified in time (status ${p.post.status})`);
          await sleep(500);
        }
      },
      (p) => `${p.url} — approvals: ${p.approvals.map((a) => a.role).join(', ')}`,
    );
    return {
      reviewer: REVIEWER.name,
      postId: post,
      url: done.url,
      waitedForClient: waited.reasons.some((r) => r.code === 'client_approval_required'),
      approvals: done.approvals,
      portalUrl: `${stack.apiUrl}/portal/`,
    };
  } finally {
    await setSandboxStages(stack, clientId, {});
  }
}
