import { readFileSync } from 'node:fs';

/** user + system CPU seconds of a process (all its threads), from /proc; null once it has exited. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime, stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

export type CpuSplit = Record<string, number>;

/**
 * CPU seconds spent by named processes over a stretch of the run: what scheduling a post costs whatever else the
 * machine is doing (wall time per post on a shared 2-core machine mostly measures the others). Postgres backends come
 * and go with the pools: each one seen is counted up to its last reading (one that lived between two readings, 2 s
 * apart, is missed, so Postgres is a lower bound).
 */
export class ProcessCpu {
  private start = new Map<string, number>();
  private pgFirst = new Map<number, number>();
  private pgLast = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pids: () => Record<string, number | undefined>,
    private readonly postgresPids: () => Promise<number[]>,
  ) {}

  async begin(): Promise<void> {
    this.start = new Map(Object.entries(this.pids()).map(([k, pid]) => [k, cpuSeconds(pid) ?? 0]));
    this.pgFirst.clear();
    this.pgLast.clear();
    await this.readPostgres(true);
    this.timer = setInterval(() => void this.readPostgres(false), 2000);
    this.timer.unref();
  }

  async end(): Promise<CpuSplit> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.readPostgres(false);
    const out: CpuSplit = {};
    for (const [k, pid] of Object.entries(this.pids()))
      out[k] = Math.round(((cpuSeconds(pid) ?? 0) - (this.start.get(k) ?? 0)) * 10) / 10;
    let pg = 0;
    for (const [pid, last] of this.pgLast) pg += last - (this.pgFirst.get(pid) ?? 0);
    out.postgres = Math.round(pg * 10) / 10;
    return out;
  }

  private async readPostgres(first: boolean): Promise<void> {
    for (const pid of await this.postgresPids().catch(() => [] as number[])) {
      const v = cpuSeconds(pid);
      if (v === null) continue;
      // A backend first seen after the start is counted whole: it was born during the stretch.
      if (!this.pgFirst.has(pid)) this.pgFirst.set(pid, first ? v : 0);
      this.pgLast.set(pid, v);
    }
  }
}
