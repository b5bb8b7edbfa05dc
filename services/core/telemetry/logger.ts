import pino from 'pino';
import { allowlisted } from './attributes';
import { correlationFields } from './correlation';

type Sink = (line: string) => void;
const sinks = new Set<Sink>();

/** Extra destinations for log lines (a collector shipper, or a test that scans them). */
export function addLogSink(sink: Sink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

const destination = {
  write(line: string): void {
    process.stdout.write(line);
    for (const s of sinks) s(line);
  },
};

const base = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.RAIZE_ENV === 'test' ? 'warn' : 'info'),
    base: { service: process.env.RAIZE_SERVICE ?? 'raize' },
    // Every line of an action carries its trace id, so logs, audit events and the trace are found by one id (C-50).
    mixin: correlationFields,
    // Belt and braces: known secret-bearing paths are censored even if they slip into a call.
    redact: {
      paths: [
        '*.accessToken',
        '*.refreshToken',
        '*.access_token',
        '*.refresh_token',
        '*.password',
        '*.authorization',
        '*.secret',
        '*.token',
        '*.cookie',
      ],
      censor: '[redacted]',
    },
  },
  destination,
);

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * Structured logs (C-49): the message is a fixed sentence written by us; fields are filtered to the
 * allowlist (tenant, actor, workflow ids, outcomes). Free text such as an error's message does not pass.
 */
function log(level: Level) {
  return (fieldsOrMsg: Record<string, unknown> | string, msg?: string): void => {
    if (typeof fieldsOrMsg === 'string') base[level](fieldsOrMsg);
    else base[level](allowlisted(fieldsOrMsg), msg ?? '');
  };
}

/** Raises or lowers the level at run time (tests that scan debug output, operators chasing a problem). */
export function setLogLevel(level: Level): void {
  base.level = level;
}

export const logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
