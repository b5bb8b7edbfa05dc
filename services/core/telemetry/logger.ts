import pino from 'pino';

/**
 * Structured logs. Redaction of known secret-bearing paths is on from day one; the allowlist of span and
 * log attributes comes with the security issue.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.RAIZE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: process.env.RAIZE_SERVICE ?? 'raize' },
  redact: { paths: ['*.accessToken', '*.refreshToken', '*.access_token', '*.refresh_token', '*.password', '*.authorization', '*.secret', '*.token'], censor: '[redacted]' },
});
