import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { scrapeAccess } from '../../../core/metrics/scrape-access';
import { APP_CONFIG } from '../../platform/tokens';
import { ApiMetricsService } from './api-metrics.service';

interface PlainResponse {
  status(code: number): PlainResponse;
  set(headers: Record<string, string>): PlainResponse;
  send(body?: string): void;
}

/**
 * Prometheus's scrape of the API (text exposition). Not behind ActorGuard: Prometheus is no operator. It carries the
 * scrape token instead (RAIZE_METRICS_TOKEN); production without a token serves nothing here (scrape-access.ts).
 * What it returns is counts by bounded labels, never a tenant's id or content (C-49).
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: PlainResponse): Promise<void> {
    const access = scrapeAccess({ env: this.config.env, token: this.config.observability.metricsToken }, authorization);
    if (access === 'disabled') return res.status(404).send();
    if (access === 'unauthorized') return res.status(401).set({ 'www-authenticate': 'Bearer' }).send();
    const text = await this.metrics.scrape();
    res.status(200).set({ 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).send(text);
  }
}
