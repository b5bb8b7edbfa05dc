import type { WorkflowClientInterceptor } from '@temporalio/client';

/** A wrapper run around one Temporal client call. */
export type ClientCallWrapper = <T>(call: () => Promise<T>) => Promise<T>;

/** A workflow client interceptor that runs `wrap` around every call a client makes to the server. */
export function interceptEveryCall(wrap: ClientCallWrapper): WorkflowClientInterceptor {
  return {
    start: (input, next) => wrap(() => next(input)),
    startWithDetails: (input, next) => wrap(() => next(input)),
    startUpdate: (input, next) => wrap(() => next(input)),
    startUpdateWithStart: (input, next) => wrap(() => next(input)),
    signal: (input, next) => wrap(() => next(input)),
    signalWithStart: (input, next) => wrap(() => next(input)),
    query: (input, next) => wrap(() => next(input)),
    terminate: (input, next) => wrap(() => next(input)),
    cancel: (input, next) => wrap(() => next(input)),
    describe: (input, next) => wrap(() => next(input)),
  };
}
