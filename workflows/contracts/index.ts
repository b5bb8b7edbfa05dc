export * from './publish.contract';
export * from './publish-activities.contract';
export * from './search-attributes';
export * from './smoke.contract';
export * from './vocabulary';
export * from './analytics.contract';
