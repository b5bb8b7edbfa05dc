import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { HealthModel } from './health.model';

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthModel> {
    const database = await this.ds.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const temporal = await this.temporal.connection.workflowService
      .describeNamespace({ namespace: this.config.temporal.namespace })
      .then(
        () => true,
        () => false,
      );
    return { ok: database && temporal, database, temporal };
  }
}
