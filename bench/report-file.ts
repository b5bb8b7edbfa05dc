import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';

/** The machine a bench ran on, as every report names it. */
export function machineInfo(): { cpus: number; cpu_model: string; total_memory_mb: number } {
  const list = cpus();
  return {
    cpus: list.length,
    cpu_model: list[0]?.model ?? 'unknown',
    total_memory_mb: Math.round(totalmem() / 1024 / 1024),
  };
}

/** Writes a bench's report as JSON where the command line asked (nothing when it did not), and says where. */
export function writeJsonReport(out: string | undefined, report: unknown): void {
  if (!out) return;
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
