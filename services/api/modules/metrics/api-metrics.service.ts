import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ProcessMetrics } from '../../../core/metrics/metrics-exporter';
import { startProcessMetrics } from '../../../core/metrics/metrics-exporter';
import { registerStateGauges } from '../../../core/metrics/state-gauges';
import { ReadingsService } from './readings.service';

/**
 * The API's metrics: what this process records (connector calls of its reads, and the worker's metrics when a test
 * runs both in one process) and the state gauges from Temporal and the database.
 */
@Injectable()
export class ApiMetricsService implements OnModuleInit, OnModuleDestroy {
  private metrics?: ProcessMetrics;
  private removeGauges?: () => void;

  constructor(private readonly readings: ReadingsService) {}

  onModuleInit(): void {
    this.metrics = startProcessMetrics(process.env.OTEL_SERVICE_NAME || 'raize-api');
    this.removeGauges = registerStateGauges(this.metrics.meter, () => this.readings.newestInstallation());
  }

  async onModuleDestroy(): Promise<void> {
    this.removeGauges?.();
    await this.metrics?.shutdown();
  }

  /** Fresh readings first, so the gauges the scrape observes are at most a few seconds old. */
  async scrape(): Promise<string> {
    await this.readings.installation();
    return this.metrics ? this.metrics.scrape() : '';
  }
}
