import { Module } from '@nestjs/common';
import { DiagnosticsAccess } from '../diagnostics/diagnostics-access.service';
import { MetricsModule } from '../metrics/metrics.module';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';

@Module({ imports: [MetricsModule], providers: [AlertsResolver, AlertsService, DiagnosticsAccess] })
export class AlertsModule {}
