import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import {
  CreateReportLinkInput,
  GenerateReportInput,
  ReportLinkRefInput,
  ReportsArgs,
  SetReportScheduleInput,
} from './dtos/report.inputs';
import { ReportLinkModel, ReportLinkWithUrlModel, ReportModel, ReportScheduleModel } from './report.models';
import { ReportsService } from './reports.service';

@Resolver()
@UseGuards(ActorGuard)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Query(() => [ReportModel], { description: 'A client’s reports, newest first' })
  reports(@CurrentActor() actor: Actor, @Args() args: ReportsArgs): Promise<ReportModel[]> {
    return this.service.list(actor, args);
  }

  @Query(() => ReportModel, { description: 'One report with its figures, links and a short download link' })
  report(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<ReportModel> {
    return this.service.get(actor, id);
  }

  @Query(() => ReportScheduleModel, { nullable: true, description: 'The client’s monthly report delivery, if set' })
  reportSchedule(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<ReportScheduleModel | null> {
    return this.service.schedule(actor, clientId);
  }

  @Mutation(() => ReportModel, { description: 'Starts a report of a period (last month by default)' })
  @TokenScope('admin')
  generateReport(@CurrentActor() actor: Actor, @Args('input') input: GenerateReportInput): Promise<ReportModel> {
    return this.service.generate(actor, input);
  }

  @Mutation(() => ReportLinkWithUrlModel, { description: 'A read-only link to a ready report; the URL is shown once' })
  @TokenScope('admin')
  createReportLink(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateReportLinkInput,
  ): Promise<ReportLinkWithUrlModel> {
    return this.service.createLink(actor, input);
  }

  @Mutation(() => ReportLinkModel, { description: 'The link stops working at once' })
  @TokenScope('admin')
  revokeReportLink(@CurrentActor() actor: Actor, @Args('input') input: ReportLinkRefInput): Promise<ReportLinkModel> {
    return this.service.revokeLink(actor, input);
  }

  @Mutation(() => ReportScheduleModel, { description: 'Monthly delivery by mail: on or off, recipients, day' })
  @TokenScope('admin')
  setReportSchedule(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetReportScheduleInput,
  ): Promise<ReportScheduleModel> {
    return this.service.setSchedule(actor, input);
  }
}
