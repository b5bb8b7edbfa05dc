import type { ScheduleOptionsAction, ScheduleSpec } from '@temporalio/client';
import type { PlanningInput } from '../../../../workflows/contracts/planning.contract';
import { PLANNING_WORKFLOW_TYPE, recurringPlanningWorkflowId } from '../../../../workflows/contracts/planning.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../../workflows/contracts/search-attributes';

/**
 * When a client's recurring planning runs, in the client's timezone: weekly on Thursday 09:00 (it plans the next
 * Monday-to-Sunday, leaving days for approval and creation), monthly on the 20th at 09:00 (it plans next month).
 */
export function planningScheduleSpec(cadence: 'weekly' | 'monthly', timezone: string): ScheduleSpec {
  return {
    calendars:
      cadence === 'weekly' ? [{ dayOfWeek: 'THURSDAY', hour: 9, minute: 0 }] : [{ dayOfMonth: 20, hour: 9, minute: 0 }],
    timezone,
  };
}

/** The action: start the planning episode with ids only; its first activity makes the plan from the template. */
export function planningScheduleAction(
  i: { agencyId: string; clientId: string },
  queues: { planning: string; creation: string },
): ScheduleOptionsAction {
  const input: PlanningInput = {
    agencyId: i.agencyId,
    clientId: i.clientId,
    options: { creationTaskQueue: queues.creation },
  };
  return {
    type: 'startWorkflow',
    workflowType: PLANNING_WORKFLOW_TYPE,
    taskQueue: queues.planning,
    workflowId: recurringPlanningWorkflowId(i.clientId),
    args: [input],
    typedSearchAttributes: [
      { key: clientIdKey, value: i.clientId },
      { key: agencyIdKey, value: i.agencyId },
      { key: episodeKindKey, value: 'planning' },
    ],
  };
}
