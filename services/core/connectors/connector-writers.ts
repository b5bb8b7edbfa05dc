import { ConnectorSettings } from './connector-readers';
import { ConnectorWriter } from './connector.types';
import { SandboxWriter } from './sandbox/sandbox.writer';

/** Write-capable connectors. Only activities/guard may import this file (C-17). */
export function createConnectorWriters(s: ConnectorSettings): Map<string, ConnectorWriter> {
  return new Map<string, ConnectorWriter>([['sandbox', new SandboxWriter({ baseUrl: s.sandbox.baseUrl, timeoutMs: s.sandbox.timeoutMs ?? 15000 })]]);
}
