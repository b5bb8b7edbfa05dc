import type { EntityManager } from 'typeorm';
import { webhookData, webhookEventFor, type OutboxAuditEvent } from './webhook-payload';

const event = (action: string, data: Record<string, unknown>): OutboxAuditEvent => ({
  id: '1',
  seq: '1',
  agencyId: 'a',
  clientId: 'c',
  action,
  subjectType: 'publish_job',
  subjectId: 'job-1',
  data,
  createdAt: new Date(),
});

const manager = (rows: unknown[]) => ({ query: jest.fn().mockResolvedValue(rows) }) as unknown as EntityManager;

describe('which audit events become webhook events', () => {
  it('maps the lifecycle actions and nothing else', () => {
    expect(webhookEventFor(event('post.scheduled', {}))).toBe('post.scheduled');
    expect(webhookEventFor(event('account.quarantined', {}))).toBe('account.quarantined');
    expect(webhookEventFor(event('reply.sent', {}))).toBe('reply.sent');
    expect(webhookEventFor(event('post.receipt_broken', { receipt: 'removed' }))).toBe('post.receipt_broken');
    expect(webhookEventFor(event('post.verified', {}))).toBeNull();
    expect(webhookEventFor(event('login.succeeded', {}))).toBeNull();
  });

  it('takes post.unverified only when the post is settled unverified, not while the read-back is still checking', () => {
    expect(webhookEventFor(event('post.unverified', { postId: 'p' }))).toBeNull();
    expect(webhookEventFor(event('post.unverified', { reasons: [], scheduledAt: null }))).toBe('post.unverified');
  });
});

describe('what a webhook payload carries', () => {
  it('keeps ids and public facts, drops fingerprints, credential references and reason messages', async () => {
    const quarantined = await webhookData(
      manager([{ platform: 'sandbox' }]),
      'account.quarantined',
      event('account.quarantined', {
        reason: 'fingerprint_mismatch',
        expectedFingerprint: 'secret-ish',
        observedFingerprint: 'x',
      }),
    );
    expect(quarantined).toEqual({
      accountId: 'job-1',
      clientId: 'c',
      platform: 'sandbox',
      reason: 'fingerprint_mismatch',
    });
    const reconnect = await webhookData(
      manager([]),
      'account.needs_reconnect',
      event('account.needs_reconnect', { signal: 'token_revoked', credentialRefId: 'ref-1' }),
    );
    expect(JSON.stringify(reconnect)).not.toContain('ref-1');
    const failed = await webhookData(
      manager([{ platform_account_id: 'acc', scheduled_at: new Date('2025-01-01T00:00:00Z'), platform: 'x' }]),
      'post.failed',
      event('post.failed', { reasons: [{ code: 'platform_error', message: 'the platform said: internal details' }] }),
    );
    expect(failed).toEqual({
      postId: 'job-1',
      clientId: 'c',
      accountId: 'acc',
      platform: 'x',
      scheduledAt: '2025-01-01T00:00:00.000Z',
      reasons: ['platform_error'],
    });
  });

  it('gives a published post its platform id and public link', async () => {
    const published = await webhookData(
      manager([]),
      'post.published',
      event('post.published', { postId: 'sbx_1', url: 'https://example.com/p/1', reconciled: false }),
    );
    expect(published).toMatchObject({ postId: 'job-1', platformPostId: 'sbx_1', url: 'https://example.com/p/1' });
    expect(published).not.toHaveProperty('reconciled');
  });
});
