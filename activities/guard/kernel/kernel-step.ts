import type { DataSource, EntityManager } from 'typeorm';
import { withSpan } from '../../../services/core/telemetry/tracing';

/** The kernel's steps as they appear in a trace (C-50), in the order they run (side-effect.kernel.ts). */
export type KernelStep = 'claim' | 'fingerprint' | 'ledger_claim' | 'reconcile' | 'call' | 'read_back' | 'record';

/** Runs one kernel step in a span `guard.step.<step>`: an engineer sees where an attempt spent its time or stopped. */
export function kernelStep<T>(step: KernelStep, run: () => Promise<T>): Promise<T> {
  return withSpan(`guard.step.${step}`, { 'raize.operation': step }, () => run());
}

/** A kernel step that is one database transaction. */
export function stepTransaction<T>(
  step: KernelStep,
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return kernelStep(step, () => ds.transaction(work));
}
