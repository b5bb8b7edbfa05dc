// Injection tokens for the shared platform layer (services/core) inside the API.
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const SECRETS = Symbol('SECRETS');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const AUDIT = Symbol('AUDIT');
export const CREDENTIALS = Symbol('CREDENTIALS');
/** Record<PlatformId, ConnectorReader>: read side only; the API never reaches a writer (C-17). */
export const CONNECTOR_READERS = Symbol('CONNECTOR_READERS');
/** ConnectorSettings: where each platform is, for its OAuth client. */
export const CONNECTOR_SETTINGS = Symbol('CONNECTOR_SETTINGS');
/** MailPort: review links and their one-time codes (SMTP; the mail catcher in development). */
export const MAILER = Symbol('MAILER');
