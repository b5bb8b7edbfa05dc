import { wallClockOf } from '../../../services/core/scheduling/zoned-time';
import { SandboxAdminClient } from '../../../services/sandbox/sandbox-admin.client';
import { DEMO } from './demo-tenant';
import type { EpisodeResult, PostView } from './publish-episode';
import { berlinTime, waitVerified } from './publish-episode';
import type { LocalStack } from './local-stack';
import type { Progress } from './progress';

export interface CreatedPost {
  itemId: string;
  format: string;
  pillar: string;
  text: string;
  media: { contentType: string; bytes: number } | null;
  post: PostView;
  onPlatformMedia: number;
}

export interface CreationResult {
  planId: string;
  planWorkflowStatus: string;
  items: CreatedPost[];
}

interface ReviewItemView {
  id: string;
  status: string;
  format: string;
  pillar: string;
  slotAt: string;
  reasons: { code: string; message: string }[];
  asset: {
    id: string;
    checksum: string;
    text: string;
    mediaUrl: string | null;
    mediaContentType: string | null;
  } | null;
  preview: { feedText: string; truncated: boolean; characters: number; characterLimit: number } | null;
}
interface PlanView {
  id: string;
  status: string;
  workflowStatus: string | null;
  reasons: { code: string; message: string }[];
  items: { id: string; status: string; format: string; localTime: string; publishJobIds: string[] }[];
}

const PLAN_FIELDS =
  'id status workflowStatus reasons { code message } items { id status format localTime publishJobIds }';
const ITEM_FIELDS =
  'id status format pillar slotAt reasons { code message } asset { id checksum text mediaUrl mediaContentType } preview { feedText truncated characters characterLimit }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** HH:MM and YYYY-MM-DD of an instant in the demo client's timezone. */
function local(at: Date): { date: string; time: string } {
  const w = wallClockOf(at, DEMO.timezone);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return { date: `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}`, time: `${p(w.hour)}:${p(w.minute)}` };
}

/**
 * Three posting times a few minutes ahead on one local day: creation (an ffmpeg clip included) and review take
 * about a minute, and the slots must still lie ahead when the approvals schedule the posts.
 */
function demoSlots(leadMinutes: number): { date: string; times: string[] } {
  let start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + leadMinutes * 60_000);
  // Three consecutive minutes never straddle midnight: past 23:57 local, the day's first minutes are used.
  if (local(new Date(start.getTime() + 2 * 60_000)).date !== local(start).date)
    start = new Date(start.getTime() + 3 * 60_000);
  const date = local(start).date;
  const times = [0, 1, 2].map((i) => local(new Date(start.getTime() + i * 60_000)).time);
  return { date, times };
}

/**
 * The planning and creation episodes as operators run them through GraphQL: the approver sets the brand kit, the
 * author asks for a plan (three posts today: text, image, clip), the approver approves the plan, the creation
 * episodes generate each item with the local provider (brand text, a rendered PNG, an ffmpeg clip), the approver
 * reviews the queue and approves every item (four eyes: the author commissioned them), and each approval schedules
 * the post, which publishes with its media and is read back.
 */
export async function runCreationEpisode(
  stack: LocalStack,
  progress: Progress,
  publish: EpisodeResult,
  o: { stepTimeoutMs: number; verifyTimeoutMs: number; leadMinutes: number },
): Promise<CreationResult> {
  const { gql, author, approver } = publish.sessions;
  const clientId = publish.tenant.clientId;
  const sandboxAdmin = new SandboxAdminClient(stack.sandboxUrl, stack.sandboxAdminToken);

  await progress.step(
    `set the brand kit (as the approver, ${DEMO.approver.role})`,
    () =>
      gql.request(approver, 'mutation($i: UpdateBrandKitInput!) { updateBrandKit(input: $i) { clientId } }', {
        i: {
          clientId,
          name: DEMO.client,
          voice: 'warm, clear, a little playful',
          headline: 'Made to last',
          colours: ['#1d3557', '#f1faee'],
          hashtags: ['#raize', '#demo'],
          doWords: ['durable', 'clear'],
          dontWords: ['cheap'],
          bannedClaims: ['guaranteed results'],
        },
      }),
    () => 'voice, colours, hashtags, do and don’t words, banned claims',
  );

  const slots = demoSlots(o.leadMinutes);
  const created = await progress.step(
    `ask for a plan (as the author): 3 posts on ${slots.date} at ${slots.times.join(', ')} ${DEMO.timezone}, formats text, image, video`,
    () =>
      gql.request<{ createPlan: PlanView }>(
        author,
        `mutation($i: CreatePlanInput!) { createPlan(input: $i) { ${PLAN_FIELDS} } }`,
        {
          i: {
            clientId,
            goals: 'Show how durable our products are; invite followers behind the scenes.',
            startDate: slots.date,
            endDate: slots.date,
            targets: [{ platformAccountId: publish.accountId, postsPerWeek: 21, postingTimes: slots.times }],
            pillars: [
              { name: 'Product', weight: 2 },
              { name: 'Behind the scenes', weight: 1 },
            ],
            formats: [{ platform: 'sandbox', formats: ['text', 'image', 'video'] }],
            requiresApproval: true,
          },
        },
      ),
    (r) => `plan ${r.createPlan.id}, status ${r.createPlan.workflowStatus ?? r.createPlan.status}`,
  );
  const planId = created.createPlan.id;

  const drafted = await progress.step(
    'wait for the planner to draft the items (brief per slot from the brand kit, local provider)',
    () => waitPlan(gql, author, planId, (p) => p.status === 'awaiting_approval', o.stepTimeoutMs),
    (p) => p.items.map((i) => `${i.localTime} ${i.format}`).join(', '),
  );

  await progress.step(
    `approve the plan (as the approver, ${DEMO.approver.role}: four eyes)`,
    () =>
      gql.request<{ approvePlan: PlanView }>(
        approver,
        `mutation($i: PlanDecisionInput!) { approvePlan(input: $i) { ${PLAN_FIELDS} } }`,
        { i: { planId, note: 'go ahead (demo)' } },
      ),
    (r) => `plan ${r.approvePlan.workflowStatus ?? r.approvePlan.status}`,
  );

  const queue = await progress.step(
    `wait for the creation episodes: ${drafted.items.length} items generated and checked against the content policy`,
    () => waitQueue(gql, approver, clientId, planId, drafted.items.length, o.stepTimeoutMs),
    (items) => items.map((i) => `${i.format}: ${i.status}`).join(', '),
  );

  const reviewed: { item: ReviewItemView; media: CreatedPost['media'] }[] = [];
  for (const item of queue) {
    const media = await progress.step(
      `review ${item.format} item ${item.id.slice(0, 8)} (${item.pillar}): read its preview${item.asset?.mediaUrl ? ' and its media through the signed URL' : ''}`,
      async () => {
        if (!item.asset?.mediaUrl) return null;
        const res = await fetch(new URL(item.asset.mediaUrl, stack.apiUrl));
        if (!res.ok) throw new Error(`the signed media URL answered ${res.status}`);
        return { contentType: res.headers.get('content-type') ?? '?', bytes: (await res.arrayBuffer()).byteLength };
      },
      (m) =>
        `“${(item.preview?.feedText ?? item.asset?.text ?? '').slice(0, 70)}…”${m ? `, ${m.contentType} ${m.bytes} bytes` : ''}`,
    );
    reviewed.push({ item, media });
  }

  for (const { item } of reviewed) {
    await progress.step(
      `approve the ${item.format} item (as the approver): schedules its post for ${berlinTime(item.slotAt)}, the review counting as its approval`,
      () =>
        gql.request<{ approveItem: { status: string } }>(
          approver,
          'mutation($i: ApproveItemInput!) { approveItem(input: $i) { status } }',
          { i: { itemId: item.id, assetChecksum: item.asset!.checksum } },
        ),
      (r) => `item ${r.approveItem.status}`,
    );
  }

  const scheduled = await progress.step(
    'wait until every item has its post scheduled',
    () =>
      waitPlan(
        gql,
        author,
        planId,
        (p) => p.items.every((i) => i.status === 'scheduled' && i.publishJobIds.length > 0),
        o.stepTimeoutMs,
      ),
    (p) => `${p.items.length} posts scheduled`,
  );

  const items: CreatedPost[] = [];
  for (const { item, media } of reviewed) {
    const jobId = scheduled.items.find((i) => i.id === item.id)!.publishJobIds[0]!;
    const post = await progress.step(
      `wait until the ${item.format} post publishes at its slot and verifies`,
      () =>
        Promise.race([
          waitVerified(gql, approver, jobId, o.verifyTimeoutMs, (m) => progress.info(m), stack),
          stack.failed,
        ]),
      (p) => `${p.url} (verified ${p.verifiedAt ? berlinTime(p.verifiedAt) : '?'})`,
    );
    const onPlatform = (await sandboxAdmin.listPosts()).find((p) => p.id === post.platformPostId);
    items.push({
      itemId: item.id,
      format: item.format,
      pillar: item.pillar,
      text: item.asset!.text,
      media,
      post,
      onPlatformMedia: onPlatform?.media?.length ?? 0,
    });
  }
  const plan = await waitPlan(gql, author, planId, () => true, o.stepTimeoutMs);
  return { planId, planWorkflowStatus: plan.workflowStatus ?? plan.status, items };
}

async function waitPlan(
  gql: EpisodeResult['sessions']['gql'],
  who: EpisodeResult['sessions']['author'],
  planId: string,
  done: (p: PlanView) => boolean,
  timeoutMs: number,
): Promise<PlanView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { plan } = await gql.request<{ plan: PlanView }>(
      who,
      `query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`,
      {
        id: planId,
      },
    );
    if (done(plan)) return plan;
    if (['failed', 'parked', 'rejected'].includes(plan.status))
      throw new Error(
        `the plan is ${plan.status}: ${plan.reasons.map((r) => `${r.code}: ${r.message}`).join('; ') || 'no reason'}`,
      );
    if (Date.now() > deadline) throw new Error(`the plan stayed ${plan.status} for ${Math.round(timeoutMs / 1000)}s`);
    await sleep(500);
  }
}

async function waitQueue(
  gql: EpisodeResult['sessions']['gql'],
  who: EpisodeResult['sessions']['approver'],
  clientId: string,
  planId: string,
  count: number,
  timeoutMs: number,
): Promise<ReviewItemView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Ids first, then each item on its own: the API's query cost limit keeps one query from asking for everything.
    const { reviewQueue } = await gql.request<{ reviewQueue: { items: { id: string; planId: string }[] } }>(
      who,
      'query($c: ID!) { reviewQueue(clientId: $c, first: 50) { items { id planId } } }',
      { c: clientId },
    );
    const mine: ReviewItemView[] = [];
    for (const { id } of reviewQueue.items.filter((i) => i.planId === planId)) {
      const { reviewItem } = await gql.request<{ reviewItem: ReviewItemView }>(
        who,
        `query($id: ID!) { reviewItem(id: $id) { ${ITEM_FIELDS} } }`,
        { id },
      );
      mine.push(reviewItem);
    }
    const blocked = mine.find((i) => i.status !== 'in_review');
    if (blocked)
      throw new Error(
        `item ${blocked.id} is ${blocked.status}: ${blocked.reasons.map((r) => `${r.code}: ${r.message}`).join('; ')}`,
      );
    if (mine.length === count) return mine.sort((a, b) => a.slotAt.localeCompare(b.slotAt));
    if (Date.now() > deadline)
      throw new Error(`${mine.length} of ${count} items reached review within ${Math.round(timeoutMs / 1000)}s`);
    await sleep(500);
  }
}
