import type { DataSource } from 'typeorm';
import { logger } from '../../services/core/telemetry/logger';
import { EMPTY_SCOPE, runInTenantScope } from '../../services/core/tenancy/tenant-scope';
import { RECEIPT_RECHECK_OFFSETS_SECONDS } from '../../workflows/contracts/receipts.contract';
import type { ReceiptStarter } from './receipt-starter';

interface SweepRow {
  id: string;
  agency_id: string;
  client_id: string;
  verified_at: Date;
}

/** A first check is this late before the sweep calls its episode lost (the episode's own check comes first). */
const GRACE_SECONDS = 15 * 60;

/**
 * The safety net behind the receipt start: a post verified within the schedule's span, past its first check's time,
 * with no check recorded, has lost its start (a worker died between the commit and the start, or Temporal refused
 * it). Starting it again is harmless: an episode that exists refuses the duplicate and its check comes on its own.
 * The posts of every tenant are listed through a security-definer function that answers ids only.
 */
export class ReceiptSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly o: {
      ds: DataSource;
      start: ReceiptStarter;
      everyMs?: number;
      pageSize?: number;
      now?: () => Date;
    },
  ) {}

  /** One pass; answers how many posts it (re)started. */
  async pass(): Promise<number> {
    const now = (this.o.now?.() ?? new Date()).getTime();
    const offsets = RECEIPT_RECHECK_OFFSETS_SECONDS;
    const dueBefore = new Date(now - (offsets[0]! + GRACE_SECONDS) * 1000);
    const verifiedAfter = new Date(now - offsets[offsets.length - 1]! * 1000);
    const rows: SweepRow[] = await runInTenantScope(this.o.ds, EMPTY_SCOPE, () =>
      this.o.ds.query('SELECT * FROM raize_receipt_sweep_posts($1, $2, $3)', [
        dueBefore,
        verifiedAfter,
        this.o.pageSize ?? 500,
      ]),
    );
    for (const r of rows)
      await this.o.start({ agencyId: r.agency_id, clientId: r.client_id, jobId: r.id, verifiedAt: r.verified_at });
    return rows.length;
  }

  start(): void {
    const run = () => {
      this.running = this.pass().catch((err: Error) =>
        logger.warn({ 'error.kind': err.name, 'raize.operation': 'receipts.sweep' }, 'receipt sweep failed'),
      );
    };
    run();
    this.timer = setInterval(run, this.o.everyMs ?? 15 * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
