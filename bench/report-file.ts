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

/**
 * A bench's command line: runs it, prints its markdown, writes its JSON where the first argument says, and exits 1
 * when the report misses its targets, or with the error when it failed.
 */
export function benchMain<R>(run: () => Promise<R>, markdown: (r: R) => string, met: (r: R) => boolean): void {
  run()
    .then((report) => {
      process.stdout.write(`\n${markdown(report)}\n`);
      writeJsonReport(process.argv[2], report);
      process.exitCode = met(report) ? 0 : 1;
    })
    .catch((err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
