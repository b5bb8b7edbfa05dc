import { Inject, UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { ConnectorSettings } from '../../../core/connectors/connector.types';
import { PLATFORMS, platformConfigured } from '../../../core/connectors/platform-registry';
import { PLATFORM_IDS } from '../../../../workflows/contracts/vocabulary/platform-id';
import { ActorGuard } from '../../auth/actor.guard';
import { CONNECTOR_SETTINGS } from '../../platform/tokens';
import { PlatformModel } from './platform.model';

/** What the connect dialog and the composer show: the platforms, whether each can be connected here, their rules. */
@Resolver(() => PlatformModel)
@UseGuards(ActorGuard)
export class PlatformsResolver {
  constructor(@Inject(CONNECTOR_SETTINGS) private readonly settings: ConnectorSettings) {}

  @Query(() => [PlatformModel])
  platforms(): PlatformModel[] {
    return PLATFORM_IDS.map((id) => {
      const p = PLATFORMS[id];
      return {
        id,
        displayName: p.displayName,
        configured: platformConfigured(this.settings, id),
        emulator: p.emulator === true,
        apiVersion: p.apiVersion.version,
        apiSunsetsAt: p.apiVersion.sunsetsAt,
        maxTextLength: p.mediaRules.maxTextLength,
        requiresMedia: p.mediaRules.requiresMedia,
        imageTypes: p.mediaRules.image?.contentTypes ?? [],
        videoTypes: p.mediaRules.video?.contentTypes ?? [],
      };
    });
  }
}
