import { Context } from '@temporalio/activity';
import { LANES, loadTemporalConfig } from '../../../services/core/config/temporal-config';
import type { TaskClass } from '../../../services/core/policy/policy.types';

/**
 * The task class the policy's allowlist judges (C-30): the lane whose task queue the running activity was taken from,
 * so an engagement worker cannot pass itself off as the publish lane. Outside an activity, or on a queue that is no
 * configured lane (tests run every lane on one queue of their own), the class the activities were built for.
 */
export function taskClassOf(builtFor: TaskClass): TaskClass {
  let queue: string | undefined;
  try {
    queue = Context.current().info.taskQueue;
  } catch {
    return builtFor;
  }
  const queues = loadTemporalConfig().taskQueues;
  return LANES.find((lane) => queues[lane] === queue) ?? builtFor;
}
