import { randomUUID } from 'node:crypto';
import { renderJpeg } from '../factories/media';
import type { SeededTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';

/**
 * Where the fuzz stack's webhook subscriptions point: this machine (the stack allows 127.0.0.1, and only it, past
 * the SSRF guard, C-35), on the discard port where nothing listens, so a test delivery fails at once.
 */
export const FUZZ_HOOK_URL = 'http://127.0.0.1:9/raize-hook';

/** A GraphQL answer as the seeding reads it: the mutation's payload by its name. */
type Answer = { data?: Record<string, Record<string, unknown> | null> | null; errors?: unknown[] };

/**
 * Gives a tenant one of each thing the API's arguments name (accounts, assets, a post, slots, a reviewer and a
 * review link, a webhook subscription, a report and its link, a plan, a knowledge source, a browser profile, a
 * connect attempt, a conversation), the way an operator would where the API allows it. Best effort: a seed the API
 * refuses only means fewer real ids to fuzz with, and the count of what worked is returned for the log.
 */
export async function seedFuzzTenant(stack: TestStack, t: SeededTenant): Promise<{ done: number; failed: string[] }> {
  const tag = randomUUID().slice(0, 8);
  const failed: string[] = [];
  let done = 0;
  const accounts: string[] = [];
  for (const i of [0, 1]) {
    const [a] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
       VALUES ($1, $2, 'sandbox', $3, $4, $5) RETURNING id`,
      [t.agencyId, t.clientId, `fuzz-${tag}-${i}`, `fuzz_${tag}_${i}`, `fp-fuzz-${tag}-${i}`],
    );
    accounts.push(a!.id);
  }
  const [conversation] = await stack.ds.query<{ id: string }[]>(
    `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status, intent,
       sentiment, last_message_at)
     VALUES ($1, $2, $3, 'sandbox', $4, 'comment', 'open', 'question', 'neutral', now()) RETURNING id`,
    [t.agencyId, t.clientId, accounts[0], `post:${tag}`],
  );
  await stack.ds.query(
    `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, direction, author_handle, text, occurred_at)
     VALUES ($1, $2, $3, 'in', '@fan', 'Is this in stock?', now())`,
    [t.agencyId, t.clientId, conversation!.id],
  );

  const admin = t.users.admin;
  const call = async (
    name: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    const r = (await stack.gql(admin, query, variables)) as Answer;
    const out = r.data?.[name];
    if (!out) {
      failed.push(name);
      return {};
    }
    done++;
    return out;
  };

  const upload = await fetch(`${stack.apiUrl}/artifacts/upload?clientId=${t.clientId}&kind=image`, {
    method: 'POST',
    headers: {
      authorization: `Dev ${admin}`,
      'content-type': 'application/octet-stream',
      'x-artifact-content-type': 'image/jpeg',
    },
    body: renderJpeg(1080, 1080),
  });
  const mediaKey = upload.status === 201 ? ((await upload.json()) as { key: string }).key : undefined;
  if (!mediaKey) failed.push('upload');

  const clientId = t.clientId;
  const text = await call('createAsset', 'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }', {
    i: { clientId, text: `Fuzz seed ${tag}` },
  });
  if (mediaKey)
    await call('createAsset', 'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }', {
      i: { clientId, text: `Fuzz media ${tag}`, mediaKey },
    });
  await call('schedulePost', 'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }', {
    i: {
      clientId,
      platformAccountId: accounts[0],
      assetId: text.id,
      scheduledAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  // Every account has slots: CSV rows dated `next` take the next free one.
  for (const [n, platformAccountId] of accounts.entries())
    await call('createQueueSlot', 'mutation($i: CreateQueueSlotInput!) { createQueueSlot(input: $i) { id } }', {
      i: { clientId, platformAccountId, weekday: 2 + n, time: '09:30' },
    });
  await call('createSavedReply', 'mutation($i: SavedReplyInput!) { createSavedReply(input: $i) { id } }', {
    i: { clientId, title: 'Thanks', text: 'Thank you!' },
  });
  const reviewer = await call(
    'addClientReviewer',
    'mutation($i: AddClientReviewerInput!) { addClientReviewer(input: $i) { id } }',
    { i: { clientId, email: `reviewer-${tag}@example.test`, name: 'Reviewer' } },
  );
  if (reviewer.id)
    await call(
      'createReviewLink',
      'mutation($i: CreateReviewLinkInput!) { createReviewLink(input: $i) { __typename } }',
      {
        i: { clientId, reviewerId: reviewer.id, sendEmail: false },
      },
    );
  await call(
    'createWebhookSubscription',
    'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { __typename } }',
    { i: { clientId, url: FUZZ_HOOK_URL, eventTypes: ['post_published'] } },
  );
  const report = await call(
    'generateReport',
    'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }',
    {
      i: { clientId, deliver: false },
    },
  );
  if (report.id)
    await call(
      'createReportLink',
      'mutation($i: CreateReportLinkInput!) { createReportLink(input: $i) { __typename } }',
      {
        i: { reportId: report.id, expiresInDays: 7 },
      },
    );
  const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await call('createPlan', 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', {
    i: {
      clientId,
      startDate: start,
      endDate: end,
      goals: 'Fuzz the plan',
      pillars: [{ name: 'Product', weight: 1 }],
      targets: [{ platformAccountId: accounts[0], postsPerWeek: 2, postingTimes: ['09:30'] }],
    },
  });
  await call('addKbSource', 'mutation($i: AddKbSourceInput!) { addKbSource(input: $i) { id } }', {
    i: { clientId, kind: 'text', title: 'Brand notes', text: 'We sell shoes.' },
  });
  await call('createApiToken', 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { __typename } }', {
    i: { name: `fuzz ${tag}`, scopes: ['read'], expiresInDays: 7 },
  });
  await call(
    'attachBrowserProfile',
    'mutation($i: AttachBrowserProfileInput!) { attachBrowserProfile(input: $i) { id } }',
    {
      i: {
        platformAccountId: accounts[1],
        storageState: JSON.stringify({
          cookies: [
            {
              name: 's',
              value: 'v',
              domain: 'sandbox.test',
              path: '/',
              expires: -1,
              httpOnly: true,
              secure: true,
              sameSite: 'Lax',
            },
          ],
          origins: [],
        }),
      },
    },
  );
  await call(
    'startPlatformConnect',
    'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { attemptId } }',
    { i: { clientId, platform: 'sandbox' } },
  );
  return { done, failed };
}
