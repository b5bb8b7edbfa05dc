import { UseGuards } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AlertStatusModel } from './alert-status.model';
import { AlertsService } from './alerts.service';

/** The alert rules of deploy/alerts/raize-alerts.yaml as they stand now: platform staff and Admins (scoped). */
@Resolver(() => AlertStatusModel)
@UseGuards(ActorGuard)
export class AlertsResolver {
  constructor(private readonly alertsService: AlertsService) {}

  @Query(() => [AlertStatusModel], {
    description: "Raize's alert rules judged now with the shipped thresholds (Admins: their agencies' figures)",
  })
  alerts(@CurrentActor() actor: Actor): Promise<AlertStatusModel[]> {
    return this.alertsService.list(actor);
  }
}
