import type { CompiledWorkflowOptions, WorkflowClientInterceptor } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { TypedSearchAttributes } from '@temporalio/common';
import { traceIdKey } from '../../../workflows/contracts/search-attributes';
import { correlationId } from '../telemetry/correlation';

/** The start options with RaizeTraceId set to the active trace's id; unchanged outside a trace. */
export function withTraceId<O extends CompiledWorkflowOptions>(options: O): O {
  const traceId = correlationId();
  if (!traceId) return options;
  const given = options.typedSearchAttributes;
  const pairs: SearchAttributePair[] = given instanceof TypedSearchAttributes ? given.getAll() : [...(given ?? [])];
  return {
    ...options,
    typedSearchAttributes: [
      ...pairs.filter((p) => p.key.name !== traceIdKey.name),
      { key: traceIdKey, value: traceId },
    ],
  };
}

/**
 * Stamps every workflow this client starts with the search attribute RaizeTraceId: the trace id of the action that
 * started it (C-50), so diagnostics and the post page go from any episode to its trace. Placed after Temporal's
 * OpenTelemetry interceptor, it sees that interceptor's StartWorkflow span, so a start outside any action (a
 * background loop) still gets the id of the trace it opened.
 */
export const traceIdSearchAttributeInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next({ ...input, options: withTraceId(input.options) }),
  startWithDetails: (input, next) => next({ ...input, options: withTraceId(input.options) }),
  signalWithStart: (input, next) => next({ ...input, options: withTraceId(input.options) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartOptions: withTraceId(input.workflowStartOptions) }),
};
