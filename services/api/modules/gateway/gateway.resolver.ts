import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { UpdateGatewaySettingsInput } from './dtos/update-gateway-settings.input';
import { GatewaySettingsService } from './gateway-settings.service';
import { GatewayToolsService } from './gateway-tools.service';
import { GatewaySettingsModel } from './models/gateway-settings.model';
import { GatewayToolsModel } from './models/gateway-tools.model';

/**
 * The MCP tool gateway's controls (issue #16): an agency's settings (Admins change them, Managers read them) and
 * the registry as loaded. No mutation here approves, publishes or reaches a tool: assistants do that through the
 * gateway with their operator's token, and approvals stay with people in the app.
 */
@Resolver()
@UseGuards(ActorGuard)
export class GatewayResolver {
  constructor(
    private readonly settings: GatewaySettingsService,
    private readonly registry: GatewayToolsService,
  ) {}

  @Query(() => GatewaySettingsModel, { description: "An agency's tool gateway settings (Admins and Managers)" })
  gatewaySettings(
    @CurrentActor() actor: Actor,
    @Args('agencyId', { type: () => ID }, new ParseUUIDPipe()) agencyId: string,
  ): Promise<GatewaySettingsModel> {
    return this.settings.get(actor, agencyId);
  }

  @Mutation(() => GatewaySettingsModel, {
    description: 'Admins: tools off for the agency, scripts (with acknowledgeScriptRisk), domains, limits (audited)',
  })
  @TokenScope('admin')
  updateGatewaySettings(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateGatewaySettingsInput,
  ): Promise<GatewaySettingsModel> {
    return this.settings.update(actor, input);
  }

  @Query(() => GatewayToolsModel, {
    description: 'The tool registry as the gateway loads it (signed, refused and why) and its MCP URL (staff, Admins)',
  })
  gatewayTools(@CurrentActor() actor: Actor): Promise<GatewayToolsModel> {
    return this.registry.tools(actor);
  }
}
