import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { PublishLane } from '../../../core/database/entities';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { SessionOnly, TokenScope } from '../../auth/token-scope.decorator';
import { PlatformAccountModel } from '../accounts/platform-account.model';
import { AccountLaneService } from './account-lane.service';
import { BrowserProfilesService } from './browser-profiles.service';
import { AttachBrowserProfileInput } from './dtos/attach-browser-profile.input';
import { BrowserProfileModel } from './models/browser-profile.model';
import { PublishLaneEnum } from './publish-lane.enum';
import { HybridWriterEnum } from './browser-profile-mode.enum';
import type { HybridWriter } from '../../../../workflows/contracts/vocabulary/browser-lane';
import { BoundedTextPipe } from './bounded-text.pipe';

/**
 * A platform account's browser profile and lane (issue #17). Anyone on the client reads the profile (never its
 * storage state); only an Admin of the client's agency changes it. Attaching a live session and the two-Admin
 * decision are session-only: an API token may be held by a script or an assistant, and these stay with people.
 */
@Resolver()
@UseGuards(ActorGuard)
export class BrowserProfilesResolver {
  constructor(
    private readonly profiles: BrowserProfilesService,
    private readonly lanes: AccountLaneService,
  ) {}

  @Query(() => BrowserProfileModel, { nullable: true, description: "An account's browser profile; null when none" })
  browserProfile(
    @CurrentActor() actor: Actor,
    @Args('platformAccountId', { type: () => ID }, new ParseUUIDPipe()) platformAccountId: string,
  ): Promise<BrowserProfileModel | null> {
    return this.profiles.profile(actor, platformAccountId);
  }

  @Mutation(() => BrowserProfileModel, {
    description:
      "Admins: attaches (or replaces) an account's browser profile from a storage state; stored encrypted, read-only " +
      'until two different Admins enable side effects (C-40, C-42); audited without the state',
  })
  @SessionOnly()
  attachBrowserProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: AttachBrowserProfileInput,
  ): Promise<BrowserProfileModel> {
    return this.profiles.attach(actor, input);
  }

  @Mutation(() => BrowserProfileModel, {
    description: 'Admins: asks for side-effect mode; a different Admin approves it (C-42)',
  })
  @SessionOnly()
  requestBrowserSideEffects(
    @CurrentActor() actor: Actor,
    @Args('profileId', { type: () => ID }, new ParseUUIDPipe()) profileId: string,
    @Args('note', { type: () => String, nullable: true }, new BoundedTextPipe('note', 500))
    note: string | null,
  ): Promise<BrowserProfileModel> {
    return this.profiles.requestSideEffects(actor, profileId, note ?? null);
  }

  @Mutation(() => BrowserProfileModel, {
    description: 'Admins other than the requester: switches the profile to side-effect mode (C-42); audited',
  })
  @SessionOnly()
  approveBrowserSideEffects(
    @CurrentActor() actor: Actor,
    @Args('profileId', { type: () => ID }, new ParseUUIDPipe()) profileId: string,
  ): Promise<BrowserProfileModel> {
    return this.profiles.approveSideEffects(actor, profileId);
  }

  @Mutation(() => BrowserProfileModel, {
    description: 'Admins: back to read-only, clearing the request and approval (enabling again needs two Admins)',
  })
  @TokenScope('admin')
  setBrowserProfileReadOnly(
    @CurrentActor() actor: Actor,
    @Args('profileId', { type: () => ID }, new ParseUUIDPipe()) profileId: string,
    @Args('reason', { type: () => String }, new BoundedTextPipe('reason', 500, 1)) reason: string,
  ): Promise<BrowserProfileModel> {
    return this.profiles.setReadOnly(actor, profileId, reason);
  }

  @Mutation(() => Boolean, { description: 'Admins: removes the profile and its stored session; audited' })
  @TokenScope('admin')
  detachBrowserProfile(
    @CurrentActor() actor: Actor,
    @Args('profileId', { type: () => ID }, new ParseUUIDPipe()) profileId: string,
  ): Promise<boolean> {
    return this.profiles.detach(actor, profileId);
  }

  @Mutation(() => PlatformAccountModel, {
    description: 'Admins: the lane the account publishes through; browser and hybrid need a profile; audited',
  })
  @TokenScope('admin')
  setAccountLane(
    @CurrentActor() actor: Actor,
    @Args('platformAccountId', { type: () => ID }, new ParseUUIDPipe()) platformAccountId: string,
    @Args('lane', { type: () => PublishLaneEnum }) lane: PublishLane,
    @Args('hybridWriter', {
      type: () => HybridWriterEnum,
      nullable: true,
      description: 'hybrid only: which side publishes (default: unchanged, api for a new profile)',
    })
    hybridWriter?: HybridWriter | null,
  ): Promise<PlatformAccountModel> {
    return this.lanes.setLane(actor, platformAccountId, lane, hybridWriter ?? undefined);
  }
}
