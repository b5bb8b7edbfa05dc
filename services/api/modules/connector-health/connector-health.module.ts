import { Module } from '@nestjs/common';
import { ConnectorHealthResolver } from './connector-health.resolver';
import { ConnectorHealthService } from './connector-health.service';
import { StandingRefresh } from './standing-refresh';

@Module({ providers: [ConnectorHealthResolver, ConnectorHealthService, StandingRefresh] })
export class ConnectorHealthModule {}
