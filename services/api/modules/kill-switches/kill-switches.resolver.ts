import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { SetKillSwitchInput } from './dtos/set-kill-switch.input';
import { KillSwitchModel } from './kill-switch.model';
import { KillSwitchesService } from './kill-switches.service';
import { TokenScope } from '../../auth/token-scope.decorator';

@Resolver(() => KillSwitchModel)
@UseGuards(ActorGuard)
export class KillSwitchesResolver {
  constructor(private readonly switches: KillSwitchesService) {}

  @Mutation(() => KillSwitchModel)
  @TokenScope('admin')
  setKillSwitch(@CurrentActor() actor: Actor, @Args('input') input: SetKillSwitchInput): Promise<KillSwitchModel> {
    return this.switches.set(actor, input);
  }

  @Query(() => [KillSwitchModel], {
    description: 'Switches that concern a client: global, its agency, itself, its accounts',
  })
  killSwitches(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<KillSwitchModel[]> {
    return this.switches.list(actor, clientId);
  }
}
