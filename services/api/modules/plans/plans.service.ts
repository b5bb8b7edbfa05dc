import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import { ClientPolicySettings, Plan, PlanItem } from '../../../core/database/entities';
import { planDecisionRefusal } from '../../../core/plans/plan-decision.rules';
import { PlanEventsRepository } from '../../../core/plans/plan-events.repository';
import { describeIssues, MAX_PLAN_ITEMS, planRequestSchema } from '../../../core/plans/plan-request';
import { withFreeQueueSlots } from '../../../core/plans/plan-queue-slots';
import { generateSlots } from '../../../core/plans/plan-slots';
import { effectiveRole } from '../../../core/tenancy/effective-role';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { logger } from '../../../core/telemetry/logger';
import type { PlanDecisionResult, PlanningInput } from '../../../../workflows/contracts/planning.contract';
import {
  decidePlanUpdate,
  PLANNING_WORKFLOW_TYPE,
  planningWorkflowId,
  planStatusQuery,
} from '../../../../workflows/contracts/planning.contract';
import type { PlanDecisionKind, PlanStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import { isFinalPlanStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../../workflows/contracts/search-attributes';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { CreatePlanInput, PlanDecisionInput } from './dtos/plan.inputs';
import { refuseTargetsWithoutFormat, templateFrom } from './plan-input';
import { planModel } from './plan-views';
import { PlanModel } from './plan.model';

// Long enough for the decision activity and a retry of it; an operator is waiting on the answer.
const DECIDE_DEADLINE_MS = 15_000;

/** The lanes' queues as this API starts episodes on them (one override for every lane in tests, as posts do). */
export function planningQueues(config: AppConfig): { planning: string; creation: string } {
  const q = loadTemporalConfig().taskQueues;
  return { planning: config.taskQueueOverride ?? q.planning, creation: config.taskQueueOverride ?? q.creation };
}

/** Content plans seen from the API: the request and decisions in the external memory, the episode in Temporal. */
@Injectable()
export class PlansService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    private readonly access: AccessService,
  ) {}

  /** Validates the request, records it as the plan's first event, and starts the episode after the commit. */
  async create(actor: Actor, input: CreatePlanInput): Promise<PlanModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'plan.create');
    const template = await templateFrom(this.ds, client.id, input);
    const period = { startDate: input.startDate, endDate: input.endDate, timezone: client.timezone };
    const shape = planRequestSchema.safeParse({ ...template, ...period });
    if (!shape.success) throw new AppError(AppErrorCode.BadInput, describeIssues(shape.error));
    const parsed = planRequestSchema.safeParse({
      ...template,
      ...period,
      targets: await withFreeQueueSlots(this.ds.manager, client.id, template, period, new Date()),
    });
    if (!parsed.success) throw new AppError(AppErrorCode.BadInput, describeIssues(parsed.error));
    refuseTargetsWithoutFormat(parsed.data);
    const slots = generateSlots(parsed.data).length;
    if (slots === 0 || slots > MAX_PLAN_ITEMS)
      throw new AppError(
        AppErrorCode.BadInput,
        `this request makes ${slots} items; a plan has between 1 and ${MAX_PLAN_ITEMS} (shorten the range or the cadence)`,
      );

    const planId = randomUUID();
    const workflowId = planningWorkflowId(client.id, planId);
    await PlanEventsRepository.append(this.ds.manager, {
      planId,
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'plan.requested',
      data: { request: parsed.data, source: 'operator', createdBy: actor.userId, workflowId },
      actor: `user:${actor.userId}`,
    });
    const queues = planningQueues(this.config);
    const wfInput: PlanningInput = {
      agencyId: client.agencyId,
      clientId: client.id,
      planId,
      options: { creationTaskQueue: queues.creation },
    };
    // Started after the commit, so the episode's first activity always finds its plan. If Temporal refuses, the
    // plan is marked failed (an honest record of the attempt) and the operator gets a clear answer.
    try {
      await withoutDatabaseConnection(() =>
        this.temporal.workflow.start(PLANNING_WORKFLOW_TYPE, {
          taskQueue: queues.planning,
          workflowId,
          args: [wfInput],
          typedSearchAttributes: [
            { key: clientIdKey, value: client.id },
            { key: agencyIdKey, value: client.agencyId },
            { key: episodeKindKey, value: 'planning' },
          ],
        }),
      );
    } catch (err) {
      logger.warn({ 'raize.client_id': client.id, 'error.kind': (err as Error).name }, 'planning episode not started');
      await PlanEventsRepository.append(this.ds.manager, {
        planId,
        agencyId: client.agencyId,
        clientId: client.id,
        type: 'plan.failed',
        data: { code: 'not_started', message: 'the scheduler was unreachable; ask for the plan again' },
        actor: `user:${actor.userId}`,
      });
      throw new AppError(
        AppErrorCode.Unavailable,
        'the scheduler is unreachable right now; the plan was not started. Try again in a minute',
      );
    }
    return this.get(actor, planId);
  }

  async get(actor: Actor, planId: string): Promise<PlanModel> {
    const plan = await this.loadVisible(actor, planId, 'client.read');
    const items = await this.ds
      .getRepository(PlanItem)
      .find({ where: { planId: plan.id, clientId: plan.clientId }, order: { position: 'ASC' } });
    return planModel(plan, items, await this.liveStatus(plan));
  }

  /** The client's plans, newest first; items are read per plan only through `plan(id)`. */
  async list(actor: Actor, clientId: string): Promise<PlanModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const plans = await this.ds
      .getRepository(Plan)
      .find({ where: { clientId }, order: { createdAt: 'DESC' }, take: 100 });
    return plans.map((p) => planModel(p, [], null));
  }

  approve(actor: Actor, input: PlanDecisionInput): Promise<PlanModel> {
    return this.decide(actor, input, 'approve');
  }

  reject(actor: Actor, input: PlanDecisionInput): Promise<PlanModel> {
    return this.decide(actor, input, 'reject');
  }

  /**
   * Checks the decision here (the actor's role; four eyes: whoever asked for the plan does not approve it), records
   * it as a plan event and sends the episode only that event's id; its activity checks it again (C-21).
   */
  private async decide(actor: Actor, input: PlanDecisionInput, kind: PlanDecisionKind): Promise<PlanModel> {
    const plan = await this.loadVisible(actor, input.planId, 'plan.approve');
    const decisionId = await this.ds.transaction(async (m) => {
      const role = await effectiveRole(m, actor.userId, plan.agencyId, plan.clientId);
      const settings = await m.findOne(ClientPolicySettings, { where: { clientId: plan.clientId } });
      const refused = planDecisionRefusal(
        { kind, actorId: actor.userId, role },
        { createdBy: plan.createdBy, fourEyes: settings?.fourEyes ?? true, status: plan.status },
      );
      if (refused)
        throw new AppError(
          refused.refusal === 'not_awaiting' ? AppErrorCode.Conflict : AppErrorCode.Forbidden,
          refused.reason,
          {
            refusal: refused.refusal,
          },
        );
      const recorded = await PlanEventsRepository.append(m, {
        planId: plan.id,
        agencyId: plan.agencyId,
        clientId: plan.clientId,
        type: 'plan.decision_recorded',
        data: { kind, actorId: actor.userId, role: role!, ...(input.note ? { note: input.note } : {}) },
        actor: `user:${actor.userId}`,
      });
      return recorded.id;
    });
    let result: PlanDecisionResult;
    try {
      result = await withoutDatabaseConnection(() =>
        this.temporal.connection.withDeadline(Date.now() + DECIDE_DEADLINE_MS, () =>
          this.temporal.workflow
            .getHandle(plan.workflowId ?? planningWorkflowId(plan.clientId, plan.id))
            .executeUpdate(decidePlanUpdate, { args: [{ decisionId }] }),
        ),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError)
        throw new AppError(AppErrorCode.Conflict, 'the plan no longer waits for a decision');
      throw new AppError(AppErrorCode.Unavailable, 'the planning episode did not answer; try again in a minute');
    }
    if (!result.accepted) throw new AppError(AppErrorCode.Forbidden, result.reason, { refusal: result.refusal });
    return this.get(actor, plan.id);
  }

  /** A plan only through a client the actor may see: another tenant's id answers "not found" (C-02). */
  private async loadVisible(
    actor: Actor,
    planId: string,
    permission: Parameters<AccessService['requireClient']>[2],
  ): Promise<Plan> {
    const plan = await this.ds.getRepository(Plan).findOne({ where: { id: planId } });
    if (!plan) throw notFound('plan');
    try {
      await this.access.requireClient(actor, plan.clientId, permission);
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound('plan');
      throw err;
    }
    return plan;
  }

  private async liveStatus(plan: Plan): Promise<PlanStatus | null> {
    if (isFinalPlanStatus(plan.status) || !plan.workflowId) return null;
    try {
      // A query needs a worker to answer; when none polls, the database status stands instead of a long wait.
      const view = await withoutDatabaseConnection(() =>
        this.temporal.connection.withDeadline(Date.now() + 2000, () =>
          this.temporal.workflow.getHandle(plan.workflowId!).query(planStatusQuery),
        ),
      );
      return view.status;
    } catch (err) {
      logger.debug(
        { 'raize.workflow_id': plan.workflowId, 'error.kind': (err as Error).name },
        'plan status query failed',
      );
      return null;
    }
  }
}
