export * from './artifact-store.port';
export * from './artifact.errors';
export * from './artifact-config';
export * from './artifact-key';
export * from './artifact-url-signer';
export * from './create-artifact-store';
export * from './recorded-artifact-store';
export * from './read-limited';
