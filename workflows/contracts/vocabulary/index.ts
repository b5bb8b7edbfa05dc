export * from './audit-actions';
export * from './failure-types';
export * from './platform-id';
export * from './publish-status';
export * from './reason-codes';
