import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import {
  CreateQueueSlotInput,
  DeleteQueueSlotInput,
  NextFreeSlotsArgs,
  QueueSlotsArgs,
  UpdateQueueSlotInput,
} from './dtos/queue-slot.inputs';
import { QueueSlotModel } from './queue-slot.model';
import { QueueSlotsService } from './queue-slots.service';

@Resolver(() => QueueSlotModel)
@UseGuards(ActorGuard)
export class QueueSlotsResolver {
  constructor(private readonly slots: QueueSlotsService) {}

  @Query(() => [QueueSlotModel], { description: "A client's queue slots, per account, by weekday and time" })
  queueSlots(@CurrentActor() actor: Actor, @Args() args: QueueSlotsArgs): Promise<QueueSlotModel[]> {
    return this.slots.list(actor, args);
  }

  @Query(() => [Date], { description: 'The next queue slots of an account that no post holds yet' })
  nextFreeSlots(@CurrentActor() actor: Actor, @Args() args: NextFreeSlotsArgs): Promise<Date[]> {
    return this.slots.nextFree(actor, args);
  }

  @Mutation(() => QueueSlotModel)
  @TokenScope('publish')
  createQueueSlot(@CurrentActor() actor: Actor, @Args('input') input: CreateQueueSlotInput): Promise<QueueSlotModel> {
    return this.slots.create(actor, input);
  }

  @Mutation(() => QueueSlotModel)
  @TokenScope('publish')
  updateQueueSlot(@CurrentActor() actor: Actor, @Args('input') input: UpdateQueueSlotInput): Promise<QueueSlotModel> {
    return this.slots.update(actor, input);
  }

  @Mutation(() => Boolean)
  @TokenScope('publish')
  deleteQueueSlot(@CurrentActor() actor: Actor, @Args('input') input: DeleteQueueSlotInput): Promise<boolean> {
    return this.slots.delete(actor, input);
  }
}
