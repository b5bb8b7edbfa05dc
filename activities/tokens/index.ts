// The token lifecycle's entry points for the rest of the worker: the lane's activities, the bootstrap of existing
// accounts, and the hook the guard's kernel calls when a publish meets a refused token.
export { tokenLaneActivities } from './token-lane';
export type { TokenLaneDeps } from './token-lane';
export { ensureAccountTokenWorkflows, startAccountTokens } from './token-workflows.bootstrap';
export { markNeedsReconnect } from './mark-needs-reconnect';
export type { NeedsReconnectDeps, NeedsReconnectResult } from './mark-needs-reconnect';
