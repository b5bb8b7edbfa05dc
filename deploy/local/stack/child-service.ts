import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Readiness =
  /** GET url answers 200 */
  | { kind: 'http'; url: string }
  /** the process says { ready: true } over IPC, or writes a line matching the pattern to its log */
  | { kind: 'signal'; logPattern: RegExp };

export interface ServiceSpec {
  name: string;
  /** the compiled entry point, e.g. <repo>/dist/services/api/main.js */
  script: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readiness: Readiness;
  timeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One service of the stack as a child process: log to a file, wait until healthy, stop with SIGTERM. */
export class ChildService {
  private child?: ChildProcess;
  private exit?: { code: number | null; signal: NodeJS.Signals | null };
  private logOffset = 0;
  private stopping = false;
  private readyMessage = false;
  private unexpectedExit?: (message: string) => void;

  constructor(readonly spec: ServiceSpec) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Called once if the process ends while nobody asked it to. */
  onUnexpectedExit(cb: (message: string) => void): void {
    this.unexpectedExit = cb;
  }

  /** Also after an exit: the cluster topology's supervisor starts a killed replica again, as an orchestrator would. */
  async start(): Promise<void> {
    const { spec } = this;
    this.exit = undefined;
    this.stopping = false;
    this.readyMessage = false;
    if (!existsSync(spec.script))
      throw new Error(`${spec.script} is missing; build first: npx tsc -p tsconfig.build.json`);
    mkdirSync(dirname(spec.logFile), { recursive: true });
    const fd = openSync(spec.logFile, 'a');
    this.logOffset = statSync(spec.logFile).size;
    writeSync(fd, `\n----- ${new Date().toISOString()} starting ${spec.name} -----\n`);
    try {
      // A process group of its own: Ctrl-C in the terminal reaches only the launcher, which stops the
      // services before the Temporal server instead of everything dying at once.
      this.child = spawn(process.execPath, ['--require', join(__dirname, 'parent-watch.js'), spec.script], {
        env: spec.env,
        stdio: ['ignore', fd, fd, 'ipc'],
        detached: true,
      });
    } finally {
      closeSync(fd);
    }
    const child = this.child;
    child.on('message', (m: unknown) => {
      if (m && typeof m === 'object' && (m as { ready?: unknown }).ready === true) this.readyMessage = true;
    });
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      if (!this.stopping)
        this.unexpectedExit?.(
          `${spec.name} exited unexpectedly (${signal ?? `code ${code}`}); see ${spec.logFile}\n${this.tail()}`,
        );
    });
    await this.waitReady();
  }

  private async waitReady(): Promise<void> {
    const { spec } = this;
    const deadline = Date.now() + spec.timeoutMs;
    for (;;) {
      if (this.exit && this.stopping) throw new Error('stopped before it was ready: the stack is stopping');
      if (this.exit) {
        throw new Error(
          `${spec.name} exited (${this.exit.signal ?? `code ${this.exit.code}`}) before it was ready; last lines of ${spec.logFile}:\n${this.tail()}`,
        );
      }
      if (await this.isReady()) return;
      if (Date.now() > deadline) {
        throw new Error(
          `${spec.name} was not ready after ${Math.round(spec.timeoutMs / 1000)}s; last lines of ${spec.logFile}:\n${this.tail()}`,
        );
      }
      await sleep(250);
    }
  }

  private async isReady(): Promise<boolean> {
    const r = this.spec.readiness;
    if (r.kind === 'signal') return this.readyMessage || r.logPattern.test(this.newLog());
    try {
      const res = await fetch(r.url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /** What the service wrote since this start. */
  private newLog(): string {
    try {
      const buf = readFileSync(this.spec.logFile);
      return buf.subarray(this.logOffset).toString('utf8');
    } catch {
      return '';
    }
  }

  tail(lines = 15): string {
    const text = this.newLog().trimEnd();
    if (!text) return '    (the log is empty)';
    return text
      .split('\n')
      .slice(-lines)
      .map((l) => `    | ${l.length > 400 ? `${l.slice(0, 400)}…` : l}`)
      .join('\n');
  }

  /** SIGTERM, then SIGKILL after the grace period. Safe to call twice or before start. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || this.exit || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Ends it at once (a second Ctrl-C). */
  kill(): void {
    this.stopping = true;
    if (this.child && !this.exit) this.child.kill('SIGKILL');
  }
}
