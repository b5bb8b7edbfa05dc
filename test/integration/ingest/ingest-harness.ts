import { createHmac, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { IngestConfig } from '../../../services/ingest/ingest-config';
import { loadIngestConfig } from '../../../services/ingest/ingest-config';
import type { IngestSecrets } from '../../../services/ingest/ingest-secrets';
import { standardWebhooksKey } from '../../../services/ingest/ingest-secrets';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { startIngest } from '../../../services/ingest/ingest.app';
import { signStandard } from '../../../services/ingest/verify/standard-webhooks.verifier';
import { testEnv } from '../../harness/test-env';

// Test secrets: fixed, fake, never used anywhere but these tests.
export const SANDBOX_SECRET = 'sandbox-webhook-test-secret';
export const META_SECRET = 'raize-meta-vector-secret';
export const META_VERIFY_TOKEN = 'raize-verify-token-test';
/** Standard Webhooks' published test secret (libraries/javascript/src/webhook.test.ts in the spec repository) */
export const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export const testSecrets = (): IngestSecrets => ({
  sandbox: [Buffer.from(SANDBOX_SECRET)],
  metaAppSecrets: [Buffer.from(META_SECRET)],
  metaVerifyToken: Buffer.from(META_VERIFY_TOKEN),
  standard: [standardWebhooksKey(STANDARD_SECRET)!],
});

/** The ingest's configuration for a test: the test database, a free port, and what the test overrides. */
export function ingestTestConfig(env: Record<string, string> = {}): IngestConfig {
  const t = testEnv();
  return loadIngestConfig({
    ...process.env,
    RAIZE_ENV: 'test',
    DATABASE_URL: t.databaseUrl,
    TEMPORAL_ADDRESS: t.temporalAddress,
    TEMPORAL_NAMESPACE: t.namespace,
    RAIZE_INGEST_PORT: '0',
    RAIZE_INGEST_DRAIN: '0',
    ...env,
  });
}

export async function startTestIngest(
  o: { env?: Record<string, string>; temporal?: Client; secrets?: IngestSecrets } = {},
): Promise<RunningIngest> {
  return startIngest(ingestTestConfig(o.env), { secrets: o.secrets ?? testSecrets(), temporal: o.temporal });
}

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** A sandbox comment.created event as the sandbox sends it (services/sandbox/webhooks.dispatcher.ts). */
export function sandboxComment(o: { account: string; commentId?: string; text?: string; author?: string }) {
  const commentId = o.commentId ?? `sbx_c_${randomUUID().slice(0, 12)}`;
  const postId = 'sbx_p_test';
  return {
    commentId,
    body: JSON.stringify({
      id: `sbx_evt_${randomUUID().slice(0, 12)}`,
      type: 'comment.created',
      createdAt: new Date().toISOString(),
      data: {
        comment: {
          id: commentId,
          postId,
          authorId: o.author ?? 'sbx_u_fan',
          text: o.text ?? 'Is this in stock?',
          createdAt: new Date().toISOString(),
        },
        post: { id: postId, authorId: o.account, url: 'http://127.0.0.1/p/sbx_p_test' },
      },
    }),
  };
}

export function sandboxHeaders(body: Buffer | string, o: { secret?: string; timestamp?: string } = {}) {
  return {
    'content-type': 'application/json',
    'x-sandbox-signature': `sha256=${createHmac('sha256', o.secret ?? SANDBOX_SECRET)
      .update(body)
      .digest('hex')}`,
    'x-sandbox-timestamp': o.timestamp ?? nowSeconds(),
    'x-sandbox-delivery': `sbx_evt_${randomUUID().slice(0, 12)}`,
  } as Record<string, string>;
}

export function metaHeaders(body: Buffer | string, secret = META_SECRET) {
  return {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  } as Record<string, string>;
}

export function standardHeaders(body: Buffer | string, o: { id?: string; timestamp?: string; secret?: string } = {}) {
  const id = o.id ?? `msg_${randomUUID()}`;
  const ts = o.timestamp ?? nowSeconds();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': ts,
    'webhook-signature': signStandard(standardWebhooksKey(o.secret ?? STANDARD_SECRET)!, id, ts, body),
  } as Record<string, string>;
}

export function standardComment(o: { account: string; id?: string; text?: string }) {
  const id = o.id ?? `c_${randomUUID()}`;
  return {
    id,
    body: JSON.stringify({
      type: 'comment.created',
      timestamp: new Date().toISOString(),
      data: {
        account_id: o.account,
        id,
        parent_id: 'post_1',
        author: { id: 'u_9', handle: '@fan' },
        text: o.text ?? 'hi',
      },
    }),
  };
}

export async function post(
  url: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}

/** Rows stored for these delivery ids (read as the owner: the tests look past row-level security). */
export async function storedCount(owner: DataSource, source: string, deliveryIds: string[]): Promise<number> {
  const [r] = await owner.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM inbound_events WHERE source = $1 AND delivery_id = ANY ($2::text[])',
    [source, deliveryIds],
  );
  return r!.n;
}

export const uniqueAccount = () => `acct_${randomUUID().slice(0, 12)}`;
