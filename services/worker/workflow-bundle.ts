import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot } from '../core/util/repo-root';
import { FAILURE_CONVERTER_PATH } from '../core/temporal/codec/data-converter';

/** The production workflows' entry file, from sources (the bundler compiles TypeScript itself). */
export function workflowsEntry(): string {
  return join(repoRoot(), 'workflows', 'index.ts');
}

/** The diagnostics entry (the smoke workflow): bundled for the smoke lane only, never into production lanes. */
export function smokeWorkflowsEntry(): string {
  return join(repoRoot(), 'workflows', 'smoke', 'index.ts');
}

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

/**
 * Temporal's OpenTelemetry workflow interceptors (C-50): a span for the run, each signal, update and activity
 * scheduled, carried to the activities in their headers. Their spans leave the sandbox through the worker's sink
 * (worker-tracing.ts). They add no command to a history: recorded histories replay unchanged.
 */
export const WORKFLOW_TRACING_INTERCEPTORS =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Bundles one workflows entry; the sandbox turns workflow errors into failures itself, so it needs the encoding failure converter (C-13). */
export async function bundleWorkflows(entry: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: entry,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    workflowInterceptorModules: [WORKFLOW_TRACING_INTERCEPTORS],
    logger: silent as never,
  });
  return code;
}

/**
 * Bundles the production workflows once and writes the bundle to a file that the lane workers (and every test)
 * load, instead of each Worker.create bundling again.
 */
export async function buildWorkflowBundle(outFile: string, entry: string = workflowsEntry()): Promise<string> {
  const code = await bundleWorkflows(entry);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

export async function ensureWorkflowBundle(outFile: string, rebuild: boolean): Promise<string> {
  if (!rebuild && existsSync(outFile)) return outFile;
  return buildWorkflowBundle(outFile);
}
