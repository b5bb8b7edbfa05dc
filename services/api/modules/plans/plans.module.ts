import { Module } from '@nestjs/common';
import { PlansResolver } from './plans.resolver';
import { PlansService } from './plans.service';
import { RecurringPlanningService } from './recurring-planning.service';

@Module({ providers: [PlansResolver, PlansService, RecurringPlanningService], exports: [PlansService] })
export class PlansModule {}
