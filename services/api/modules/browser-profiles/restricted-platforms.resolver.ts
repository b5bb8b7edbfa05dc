import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { SessionOnly, TokenScope } from '../../auth/token-scope.decorator';
import { BoundedTextPipe } from './bounded-text.pipe';
import { RestrictedPlatformModel } from './models/restricted-platform.model';
import { RestrictedPlatformsService } from './restricted-platforms.service';

/**
 * Platforms whose terms forbid automation, off by default (C-45). Turning one on is a person's acknowledged
 * decision (session only); turning it off again is always allowed to an Admin's token.
 */
@Resolver()
@UseGuards(ActorGuard)
export class RestrictedPlatformsResolver {
  constructor(private readonly restricted: RestrictedPlatformsService) {}

  @Query(() => [RestrictedPlatformModel], {
    description: 'The platforms off by default, each with its risk statement and whether the client turned it on',
  })
  restrictedPlatforms(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<RestrictedPlatformModel[]> {
    return this.restricted.list(actor, clientId);
  }

  @Mutation(() => RestrictedPlatformModel, {
    description: 'Admins: turns a restricted platform on for the client; acknowledgeRisk must be true (audited)',
  })
  @SessionOnly()
  enableRestrictedPlatform(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
    @Args('platform', { type: () => String }, new BoundedTextPipe('platform', 64, 1)) platform: string,
    @Args('acknowledgeRisk', { type: () => Boolean }) acknowledgeRisk: boolean,
  ): Promise<RestrictedPlatformModel> {
    return this.restricted.enable(actor, clientId, platform, acknowledgeRisk);
  }

  @Mutation(() => RestrictedPlatformModel, {
    description: 'Admins: turns a restricted platform off again for the client (audited)',
  })
  @TokenScope('admin')
  disableRestrictedPlatform(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
    @Args('platform', { type: () => String }, new BoundedTextPipe('platform', 64, 1)) platform: string,
  ): Promise<RestrictedPlatformModel> {
    return this.restricted.disable(actor, clientId, platform);
  }
}
