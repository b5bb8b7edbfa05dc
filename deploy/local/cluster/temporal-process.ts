import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TemporalProcessSpec } from './temporal-cluster-config';

/**
 * One Temporal server process of the cluster (frontend, a history, matching or worker): its own config file, its
 * log, its own session (Ctrl-C reaches only the launcher, which stops Temporal after the services). It can be killed
 * and started again with the same ports, which is what the kill test does to a history process.
 */
export class TemporalProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private logOffset = 0;
  private stopping = false;
  private unexpectedExit?: (message: string) => void;

  constructor(
    readonly spec: TemporalProcessSpec,
    private readonly o: { bin: string; root: string; configDir: string; logFile: string },
  ) {}

  get id(): string {
    return this.spec.id;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Called each time the process ends while nobody asked it to (a crash, a kill from outside). */
  onUnexpectedExit(cb: (message: string) => void): void {
    this.unexpectedExit = cb;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    mkdirSync(dirname(this.o.logFile), { recursive: true });
    const fd = openSync(this.o.logFile, 'a');
    this.logOffset = statSync(this.o.logFile).size;
    writeSync(fd, `\n----- ${new Date().toISOString()} starting ${this.spec.id} -----\n`);
    try {
      this.child = spawn(
        this.o.bin,
        [
          '--root',
          this.o.root,
          '--config',
          this.o.configDir,
          '--env',
          this.spec.id,
          '--allow-no-auth',
          'start',
          '--service',
          this.spec.service,
        ],
        { stdio: ['ignore', fd, fd], detached: true },
      );
    } finally {
      closeSync(fd);
    }
    const child = this.child;
    child.on('error', () => undefined);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.stopping) this.unexpectedExit?.(`Temporal ${this.spec.id} exited (${signal ?? `code ${code}`})`);
        resolve();
      }),
    );
  }

  /** What the process wrote since its last start, for an error message. */
  tail(lines = 12): string {
    try {
      const text = readFileSync(this.o.logFile).subarray(this.logOffset).toString('utf8').trimEnd();
      return text
        .split('\n')
        .slice(-lines)
        .map((l) => `    | ${l.length > 300 ? `${l.slice(0, 300)}…` : l}`)
        .join('\n');
    } catch {
      return '    (no log)';
    }
  }

  /** SIGKILL: the crash a node of a real cluster suffers. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    const child = this.child!;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
