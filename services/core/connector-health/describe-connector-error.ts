import type { ConnectorError } from '../connectors/connector.errors';
import type { RecordedConnectorError } from '../database/entities/account-health.entity';
import { isHealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';
import { ERROR_KIND_WORDS, inWords, OPERATOR_WORDS } from './operator-words';

/** A platform's error code is kept only when it looks like a code: a body that leaked into it must not be stored. */
const CODE_SHAPE = /^[A-Za-z0-9_./:-]{1,64}$/;

/**
 * A connector error as the health centre keeps it. The message is Raize's own words for the signal (or the kind),
 * never the error's message or the platform's text: those may carry ids, handles or post text, and this row is
 * shown to every operator of the client.
 */
export function describeConnectorError(
  err: ConnectorError,
  platformName: string,
  at: Date = new Date(),
): RecordedConnectorError {
  const health = err.details.health;
  const signal = health && isHealthSignal(health) ? health : null;
  const words = inWords(signal ? OPERATOR_WORDS[signal] : ERROR_KIND_WORDS[err.kind], platformName);
  const status = err.details.status;
  const code = err.details.platformCode;
  return {
    at: at.toISOString(),
    signal,
    kind: err.kind,
    status: typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 600 ? status : null,
    platformCode: code && CODE_SHAPE.test(code) ? code : null,
    message: words.headline,
    whatToDo: words.whatToDo,
  };
}
