import type { ProviderId } from '../provider.types';

/** No key for this provider: neither the client's own nor its agency's fallback. */
export class NoProviderKeyError extends Error {
  constructor(readonly provider: ProviderId) {
    super(`no ${provider} key is set for this client or its agency`);
    this.name = 'NoProviderKeyError';
  }
}

/** A key that cannot be used as given (format); the message never quotes it. */
export class InvalidProviderKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidProviderKeyError';
  }
}
