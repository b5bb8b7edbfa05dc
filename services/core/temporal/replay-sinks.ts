import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks } from '@temporalio/worker';

/**
 * The sinks a replay worker of the production bundle needs. The bundle's OpenTelemetry interceptors hand spans out
 * through the `exporter` sink (services/worker/workflow-bundle.ts); a replay exports nothing, but a sink the bundle
 * names must exist, or every replayed workflow task logs an error.
 */
export const REPLAY_SINKS: InjectedSinks<OpenTelemetrySinks> = {
  exporter: { export: { fn: () => undefined, callDuringReplay: false } },
};
