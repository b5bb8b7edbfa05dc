import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot } from '../core/util/repo-root';
import { FAILURE_CONVERTER_PATH } from '../core/temporal/codec/data-converter';

/** The workflows' entry file, from sources (the bundler compiles TypeScript itself). */
export function workflowsEntry(): string {
  return join(repoRoot(), 'workflows', 'index.ts');
}

/**
 * Bundles the workflows once and writes the bundle to a file that every lane worker (and every test)
 * loads, instead of each Worker.create bundling again.
 */
export async function buildWorkflowBundle(outFile: string): Promise<string> {
  // The sandbox turns workflow errors into failures itself: it needs the encoding failure converter (C-13).
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry(), failureConverterPath: FAILURE_CONVERTER_PATH, logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

export async function ensureWorkflowBundle(outFile: string, rebuild: boolean): Promise<string> {
  if (!rebuild && existsSync(outFile)) return outFile;
  return buildWorkflowBundle(outFile);
}
