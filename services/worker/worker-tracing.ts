import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import { workflowSpanSinks } from './workflow-span-sink';

/**
 * What a worker needs to trace (C-50): each activity runs in a span that continues the workflow's trace (from the
 * headers the workflow interceptors set), and the workflow spans leave the sandbox through the sink. The workflow
 * interceptors themselves are in the bundle (workflow-bundle.ts). Use it on every worker that runs the production
 * bundle, or the sandbox's span exports have nowhere to go.
 */
export function withTracing(options: WorkerOptions): WorkerOptions {
  return {
    ...options,
    interceptors: {
      ...options.interceptors,
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
        ...(options.interceptors?.activity ?? []),
      ],
    },
    sinks: { ...options.sinks, ...workflowSpanSinks() },
  };
}
