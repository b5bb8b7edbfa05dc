import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, ScheduleAlreadyRunning, ScheduleNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { RecurringPlan } from '../../../core/database/entities';
import { describeIssues, planTemplateSchema } from '../../../core/plans/plan-request';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { planningScheduleId } from '../../../../workflows/contracts/planning.contract';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { SetRecurringPlanningInput } from './dtos/plan.inputs';
import { refuseTargetsWithoutFormat, templateFrom } from './plan-input';
import { RecurringPlanningModel } from './plan.model';
import { targetModel } from './plan-views';
import { planningScheduleAction, planningScheduleSpec } from './planning-schedule';
import { planningQueues } from './plans.service';

/**
 * A client's recurring planning: the template in the database, the timing in one Temporal Schedule per client.
 * Paused or not and the next run are read from the Schedule itself, so the screen never disagrees with what runs.
 */
@Injectable()
export class RecurringPlanningService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    private readonly access: AccessService,
  ) {}

  async set(actor: Actor, input: SetRecurringPlanningInput): Promise<RecurringPlanningModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'plan.recurring');
    const parsed = planTemplateSchema.safeParse(await templateFrom(this.ds, client.id, input));
    if (!parsed.success) throw new AppError(AppErrorCode.BadInput, describeIssues(parsed.error));
    refuseTargetsWithoutFormat(parsed.data);
    await this.ds.getRepository(RecurringPlan).save({
      clientId: client.id,
      agencyId: client.agencyId,
      cadence: input.cadence,
      template: parsed.data,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    });
    const spec = planningScheduleSpec(input.cadence, client.timezone);
    const action = planningScheduleAction(
      { agencyId: client.agencyId, clientId: client.id },
      planningQueues(this.config),
    );
    await this.onSchedules(async () => {
      try {
        await this.temporal.schedule.create({
          scheduleId: planningScheduleId(client.id),
          spec,
          action,
          // A run still drafting when the next is due: the next one is skipped, never two plans at once.
          policies: { overlap: 'SKIP', catchupWindow: '1 day' },
        });
      } catch (err) {
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
        await this.temporal.schedule
          .getHandle(planningScheduleId(client.id))
          .update((prev) => ({ ...prev, spec, action }));
      }
    });
    return (await this.describe(actor, client.id))!;
  }

  async pause(actor: Actor, clientId: string): Promise<RecurringPlanningModel> {
    await this.access.requireClient(actor, clientId, 'plan.recurring');
    await this.onSchedules(() =>
      this.temporal.schedule.getHandle(planningScheduleId(clientId)).pause(`paused by an operator`),
    );
    return (await this.describe(actor, clientId))!;
  }

  async resume(actor: Actor, clientId: string): Promise<RecurringPlanningModel> {
    await this.access.requireClient(actor, clientId, 'plan.recurring');
    await this.onSchedules(() =>
      this.temporal.schedule.getHandle(planningScheduleId(clientId)).unpause('resumed by an operator'),
    );
    return (await this.describe(actor, clientId))!;
  }

  /** The client's recurring planning, or null when none was set. */
  async describe(actor: Actor, clientId: string): Promise<RecurringPlanningModel | null> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const saved = await this.ds.getRepository(RecurringPlan).findOne({ where: { clientId } });
    if (!saved) return null;
    let state: { paused: boolean; nextRunAt: Date | null } = { paused: true, nextRunAt: null };
    try {
      const d = await withoutDatabaseConnection(() =>
        this.temporal.schedule.getHandle(planningScheduleId(clientId)).describe(),
      );
      state = { paused: d.state.paused, nextRunAt: d.state.paused ? null : (d.info.nextActionTimes[0] ?? null) };
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw this.unavailable();
    }
    return {
      clientId,
      cadence: saved.cadence,
      goals: saved.template.goals,
      requiresApproval: saved.template.requiresApproval,
      targets: saved.template.targets.map(targetModel),
      pillars: saved.template.pillars,
      ...state,
    };
  }

  private async onSchedules(fn: () => Promise<void>): Promise<void> {
    try {
      await withoutDatabaseConnection(fn);
    } catch (err) {
      if (err instanceof ScheduleNotFoundError)
        throw new AppError(AppErrorCode.NotFound, 'this client has no recurring planning; set it up first');
      throw this.unavailable();
    }
  }

  private unavailable(): AppError {
    return new AppError(AppErrorCode.Unavailable, 'the scheduler is unreachable right now; try again in a minute');
  }
}
