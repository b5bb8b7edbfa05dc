import { Module } from '@nestjs/common';
import { GatewayResolver } from './gateway.resolver';
import { GatewaySettingsService } from './gateway-settings.service';
import { GatewayToolsService } from './gateway-tools.service';

@Module({ providers: [GatewayResolver, GatewaySettingsService, GatewayToolsService] })
export class GatewayModule {}
