import { randomUUID } from 'node:crypto';
import { connectSandboxAccount, type ConnectedAccount } from '../../factories/connect-account';
import type { PostView } from '../../factories/posts';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';

export const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };

/** Where a post's episode ends (or shows it is done sending). */
export const SETTLED = hasStatus('verified', 'unverified', 'failed', 'denied', 'quarantined', 'cancelled');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A client whose posts need no approval, with a sandbox account connected the real way. */
export async function sandboxBrand(stack: TestStack): Promise<{ t: SeededTenant; acc: ConnectedAccount }> {
  const t = await seedTenant(stack.ds, AUTONOMOUS);
  return { t, acc: await connectSandboxAccount(stack, t.users.admin, t.clientId) };
}

/** `n` posts of distinct texts, due now, on one account. */
export async function postsDueNow(
  stack: TestStack,
  t: SeededTenant,
  accountId: string,
  n: number,
  label: string,
): Promise<PostView[]> {
  const tag = randomUUID().slice(0, 6);
  const at = new Date(Date.now() + 500);
  const out: PostView[] = [];
  for (let i = 0; i < n; i++) {
    // Plain words only: LinkedIn's commentary format reserves # ( ) and friends.
    const asset = await createAsset(stack, t.users.author, t.clientId, `${label} ${tag} number ${i + 1}`);
    out.push(
      await schedulePost(stack, t.users.author, {
        clientId: t.clientId,
        platformAccountId: accountId,
        assetId: asset.id,
        inSeconds: 0,
        at,
      }),
    );
  }
  return out;
}

export function settleAll(stack: TestStack, t: SeededTenant, posts: PostView[], timeoutMs = 120_000) {
  return Promise.all(posts.map((p) => waitForPost(stack, t.users.author, p.id, SETTLED, timeoutMs)));
}

/** The audit rows of one post (its publish job), oldest first, as an operator's audit view lists them. */
export async function auditOf(
  stack: TestStack,
  jobId: string,
): Promise<{ action: string; data: Record<string, unknown>; at: Date }[]> {
  return stack.ds.query(
    `SELECT action, data, created_at AS at FROM audit_events
      WHERE subject_type = 'publish_job' AND subject_id = $1 ORDER BY id`,
    [jobId],
  );
}

/** Gaps in ms between consecutive instants (ISO strings or ms epoch). */
export function gaps(at: (string | number | Date)[]): number[] {
  const ms = at.map((a) => (typeof a === 'number' ? a : typeof a === 'string' ? Date.parse(a) : a.getTime()));
  return ms.slice(1).map((m, i) => m - ms[i]!);
}
