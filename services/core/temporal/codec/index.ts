export * from './cached-codec-key-source';
export * from './codec-key-source';
export * from './data-converter';
export * from './encryption.codec';
export * from './secrets-key-source';
