import { ConnectorReader } from './connector.types';
import { SandboxReader } from './sandbox/sandbox.reader';

export interface ConnectorSettings {
  sandbox: { baseUrl: string; timeoutMs?: number };
}

/** Read-only connectors, usable anywhere (connect flow, verification, status). */
export function createConnectorReaders(s: ConnectorSettings): Map<string, ConnectorReader> {
  return new Map<string, ConnectorReader>([['sandbox', new SandboxReader({ baseUrl: s.sandbox.baseUrl, timeoutMs: s.sandbox.timeoutMs ?? 15000 })]]);
}
