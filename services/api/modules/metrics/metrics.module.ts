import { Module } from '@nestjs/common';
import { ApiMetricsService } from './api-metrics.service';
import { MetricsController } from './metrics.controller';
import { ReadingsService } from './readings.service';

@Module({
  providers: [ReadingsService, ApiMetricsService],
  controllers: [MetricsController],
  exports: [ReadingsService],
})
export class MetricsModule {}
