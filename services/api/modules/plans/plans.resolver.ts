import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { CreatePlanInput, PlanDecisionInput, SetRecurringPlanningInput } from './dtos/plan.inputs';
import { PlanModel, RecurringPlanningModel } from './plan.model';
import { PlansService } from './plans.service';
import { RecurringPlanningService } from './recurring-planning.service';

@Resolver(() => PlanModel)
@UseGuards(ActorGuard)
export class PlansResolver {
  constructor(
    private readonly planService: PlansService,
    private readonly recurring: RecurringPlanningService,
  ) {}

  @Query(() => PlanModel, { description: 'A content plan with its items and, while it runs, the live status' })
  plan(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<PlanModel> {
    return this.planService.get(actor, id);
  }

  @Query(() => [PlanModel], { description: "The client's plans, newest first (items only through plan(id))" })
  plans(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<PlanModel[]> {
    return this.planService.list(actor, clientId);
  }

  @Query(() => RecurringPlanningModel, { nullable: true })
  recurringPlanning(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<RecurringPlanningModel | null> {
    return this.recurring.describe(actor, clientId);
  }

  @Mutation(() => PlanModel)
  @TokenScope('publish')
  createPlan(@CurrentActor() actor: Actor, @Args('input') input: CreatePlanInput): Promise<PlanModel> {
    return this.planService.create(actor, input);
  }

  @Mutation(() => PlanModel)
  @TokenScope('approve')
  approvePlan(@CurrentActor() actor: Actor, @Args('input') input: PlanDecisionInput): Promise<PlanModel> {
    return this.planService.approve(actor, input);
  }

  @Mutation(() => PlanModel)
  @TokenScope('approve')
  rejectPlan(@CurrentActor() actor: Actor, @Args('input') input: PlanDecisionInput): Promise<PlanModel> {
    return this.planService.reject(actor, input);
  }

  @Mutation(() => RecurringPlanningModel)
  @TokenScope('publish')
  setRecurringPlanning(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetRecurringPlanningInput,
  ): Promise<RecurringPlanningModel> {
    return this.recurring.set(actor, input);
  }

  @Mutation(() => RecurringPlanningModel)
  @TokenScope('publish')
  pauseRecurringPlanning(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<RecurringPlanningModel> {
    return this.recurring.pause(actor, clientId);
  }

  @Mutation(() => RecurringPlanningModel)
  @TokenScope('publish')
  resumeRecurringPlanning(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<RecurringPlanningModel> {
    return this.recurring.resume(actor, clientId);
  }
}
