import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import type { DiagnosticsScope } from '../../../core/diagnostics/diagnostics-scope';
import { collectReadings } from '../../../core/metrics/readings/collect-readings';
import { installationScope } from '../../../core/metrics/readings/installation-scope';
import type { Readings } from '../../../core/metrics/readings/readings.types';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';

/**
 * How long the installation's readings are reused: Prometheus scrapes every 15 to 60 s, replicas and a staff member's
 * alerts page share one reading, and each takes about twenty Temporal calls and seven queries.
 */
const INSTALLATION_TTL_MS = 5_000;

/** Raize's readings of itself, for the scrape (installation-wide) and the alerts query (the reader's scope). */
@Injectable()
export class ReadingsService {
  private cached?: { at: number; readings: Promise<Readings> };
  private latest: Readings | null = null;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every tenant's figures (staff, the scrape), taken at most every few seconds. */
  installation(): Promise<Readings> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > INSTALLATION_TTL_MS) {
      const readings = collectReadings(this.sources(), { kind: 'all' }, () => installationScope(this.ds));
      this.cached = { at: now, readings };
      void readings.then((r) => (this.latest = r));
    }
    return this.cached.readings;
  }

  /** The newest installation readings already taken (what the gauges observe), or null before the first. */
  newestInstallation(): Readings | null {
    return this.latest;
  }

  /** An Admin's figures: their agencies' and clients' episodes and rows; the lanes are the installation's. */
  forTenants(scope: Extract<DiagnosticsScope, { kind: 'tenants' }>, actorId: string): Promise<Readings> {
    return collectReadings(this.sources(), scope, async () => ({
      actorId,
      agencyIds: scope.agencyIds,
      clientIds: scope.clientIds,
      memberAgencyIds: scope.agencyIds,
    }));
  }

  private sources() {
    return { temporal: this.temporal, ds: this.ds, taskQueueOverride: this.config.taskQueueOverride };
  }
}
