export * from './audit-actions';
export * from './failure-types';
export * from './platform-id';
export * from './post-decisions';
export * from './publish-status';
export * from './reason-codes';
