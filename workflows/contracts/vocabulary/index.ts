export * from './audit-actions';
export * from './failure-types';
export * from './plan-status';
export * from './platform-id';
export * from './post-decisions';
export * from './publish-status';
export * from './reason-codes';
export * from './creation-status';
