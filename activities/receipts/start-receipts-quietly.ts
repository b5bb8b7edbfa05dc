import { logger } from '../../services/core/telemetry/logger';
import type { ReceiptStarter } from './receipt-starter';

/**
 * The receipt start as the publish activities make it: a start that fails is logged and left to the sweep
 * (receipt-sweep.ts), never thrown. A receipts outage must not fail a post that went out and was verified: the
 * publish activity's error would be retried and, in the end, mark a published post as failed.
 */
export function startReceiptsQuietly(start: ReceiptStarter | undefined): ReceiptStarter {
  return async (post) => {
    if (!start) return;
    try {
      await start(post);
    } catch (err) {
      logger.warn(
        {
          'raize.client_id': post.clientId,
          'raize.job_id': post.jobId,
          'raize.outcome': 'receipt_start_failed',
          'error.kind': err instanceof Error ? err.name : 'unknown',
        },
        'the receipt episode of a verified post could not be started; the sweep starts it later',
      );
    }
  };
}
