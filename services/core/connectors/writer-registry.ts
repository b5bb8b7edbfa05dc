import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { ConnectorWriter, PlatformSettings } from './connector.types';
import { createSandboxWriter } from './sandbox/sandbox.writer';

/**
 * The write side of every platform. Only activities/guard may import this file (C-17): every side effect goes
 * through the one guard. A new PlatformId without a writer does not compile.
 */
const WRITERS: Record<PlatformId, (settings: PlatformSettings) => ConnectorWriter> = {
  sandbox: createSandboxWriter,
};

export function createConnectorWriter(id: PlatformId, settings: PlatformSettings): ConnectorWriter {
  return WRITERS[id](settings);
}
