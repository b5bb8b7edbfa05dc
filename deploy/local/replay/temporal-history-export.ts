import { execFile } from 'node:child_process';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';

export interface HistoryExportTarget {
  /** the Temporal CLI binary (toolPath('temporal')) */
  bin: string;
  address: string;
  namespace: string;
  workflowId: string;
  runId?: string;
}

/** The history could not be fetched: no such workflow, no server, or an answer that is not a history. */
export class HistoryFetchError extends Error {
  override readonly name = 'HistoryFetchError';
}

// A production history can hold thousands of events before its continue-as-new; the export is one JSON document.
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

/**
 * Fetches a workflow's history the way an engineer would by hand: `temporal workflow show --output json`, the CLI's
 * export meant for replayers. Payloads stay as the server holds them (encrypted by the codec); the CLI is given no
 * codec endpoint, and raw payloads (`--no-json-shorthand-payloads`) so that patch markers keep their proto form.
 * TLS and API-key settings reach the CLI through its own TEMPORAL_* environment variables.
 */
export function exportHistory(target: HistoryExportTarget, env: NodeJS.ProcessEnv = process.env): Promise<History> {
  const args = [
    'workflow',
    'show',
    '--workflow-id',
    target.workflowId,
    ...(target.runId ? ['--run-id', target.runId] : []),
    '--output',
    'json',
    '--no-json-shorthand-payloads',
    '--address',
    target.address,
    '--namespace',
    target.namespace,
    '--color',
    'never',
  ];
  return new Promise((resolve, reject) => {
    execFile(target.bin, args, { env, maxBuffer: MAX_EXPORT_BYTES, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) {
        const why = String(stderr).trim().split('\n').at(-1) || err.message;
        reject(new HistoryFetchError(`temporal workflow show failed for ${target.workflowId}: ${why}`));
        return;
      }
      try {
        resolve(historyFromJSON(JSON.parse(stdout)));
      } catch (e) {
        reject(new HistoryFetchError(`temporal workflow show did not answer a history: ${(e as Error).message}`));
      }
    });
  });
}
