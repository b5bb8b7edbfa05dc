import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { HealthService } from './health.service';

/** Unauthenticated liveness for the launcher and load balancers; says nothing but up or down. */
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @HttpCode(200)
  async get(@Res() res: { status(n: number): { json(b: unknown): void } }): Promise<void> {
    const h = await this.health.check();
    res.status(h.ok ? 200 : 503).json(h);
  }
}
