import { readFileSync } from 'node:fs';

export interface MemorySummary {
  samples: number;
  rss_peak_mb: number;
  rss_mean_mb: number;
  heap_used_peak_mb: number;
  /** the Temporal dev server child process (VmRSS from /proc), when readable */
  temporal_rss_peak_mb: number | null;
}

export interface CpuSummary {
  /** user + system CPU seconds of this process (worker, client, sandbox) over the window */
  bench_process_s: number;
  /** the Temporal dev server's CPU seconds over the window, when /proc is readable */
  temporal_server_s: number | null;
  /** the Postgres backends connected to the bench's database (other databases on the server are not counted) */
  postgres_s: number | null;
  /** busy CPU seconds of everything else on the machine over the window: other people's builds and tests */
  other_s: number | null;
  /** busy share of all cores over the window, from /proc/stat (1 = every core busy) */
  machine_busy: number | null;
  wall_s: number;
}

const MB = 1024 * 1024;
const round1 = (v: number) => Math.round(v * 10) / 10;

function procRssBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function procCpuSeconds(pid: number): number | null {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** [busy, total] jiffies over all cores. */
function machineJiffies(): [number, number] | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return [total - idle, total];
  } catch {
    return null;
  }
}

/**
 * Samples process.memoryUsage() (the worker runs in this process) and the Temporal server's RSS on a
 * fixed interval while a batch runs; the timer is unref'd so it never keeps the process alive.
 */
export class ResourceSampler {
  private timer: NodeJS.Timeout | undefined;
  private rss: number[] = [];
  private heapPeak = 0;
  private temporalPeak: number | null = null;
  private cpu0 = process.cpuUsage();
  private temporalCpu0: number | null = null;
  private postgresCpu0 = new Map<number, number>();
  /** the latest CPU reading of every backend seen during the window, so one that exits is not lost */
  private postgresLast = new Map<number, number>();
  private ticks = 0;
  private machine0: [number, number] | null = null;
  private wall0 = 0;

  constructor(
    private readonly temporalPid: number | undefined,
    /** pids of the Postgres backends serving the bench (from pg_stat_activity) */
    private readonly postgresPids: () => Promise<number[]> = async () => [],
    private readonly intervalMs = 200,
  ) {}

  async start(): Promise<void> {
    this.rss = [];
    this.heapPeak = 0;
    this.temporalPeak = null;
    this.cpu0 = process.cpuUsage();
    this.temporalCpu0 = this.temporalPid ? procCpuSeconds(this.temporalPid) : null;
    this.postgresCpu0 = new Map((await this.postgresPids()).map((pid) => [pid, procCpuSeconds(pid) ?? 0]));
    this.postgresLast = new Map(this.postgresCpu0);
    this.ticks = 0;
    this.machine0 = machineJiffies();
    this.wall0 = performance.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<{ memory: MemorySummary; cpu: CpuSummary }> {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const cpu = process.cpuUsage(this.cpu0);
    const t1 = this.temporalPid ? procCpuSeconds(this.temporalPid) : null;
    const m1 = machineJiffies();
    const wall = (performance.now() - this.wall0) / 1000;
    // Backends seen at any sample count up to their last reading; one that appeared is counted whole. A
    // backend that lived and died between two samples (1 s apart) is missed: a lower bound.
    await this.readPostgres();
    let pg = 0;
    for (const [pid, last] of this.postgresLast) pg += last - (this.postgresCpu0.get(pid) ?? 0);
    const benchS = (cpu.user + cpu.system) / 1e6;
    const temporalS = t1 !== null && this.temporalCpu0 !== null ? t1 - this.temporalCpu0 : null;
    const machineS = m1 && this.machine0 ? (m1[0] - this.machine0[0]) / 100 : null;
    return {
      memory: {
        samples: this.rss.length,
        rss_peak_mb: round1(Math.max(...this.rss) / MB),
        rss_mean_mb: round1(this.rss.reduce((a, b) => a + b, 0) / this.rss.length / MB),
        heap_used_peak_mb: round1(this.heapPeak / MB),
        temporal_rss_peak_mb: this.temporalPeak === null ? null : round1(this.temporalPeak / MB),
      },
      cpu: {
        bench_process_s: round1(benchS),
        temporal_server_s: temporalS === null ? null : round1(temporalS),
        postgres_s: round1(pg),
        other_s: machineS === null ? null : round1(Math.max(0, machineS - benchS - (temporalS ?? 0) - pg)),
        machine_busy:
          m1 && this.machine0 && m1[1] > this.machine0[1]
            ? Math.round(((m1[0] - this.machine0[0]) / (m1[1] - this.machine0[1])) * 100) / 100
            : null,
        wall_s: round1(wall),
      },
    };
  }

  private async readPostgres(): Promise<void> {
    for (const pid of await this.postgresPids().catch(() => [] as number[])) {
      const v = procCpuSeconds(pid);
      if (v !== null) this.postgresLast.set(pid, v);
    }
  }

  private sample(): void {
    if (++this.ticks % 5 === 0) void this.readPostgres();
    const m = process.memoryUsage();
    this.rss.push(m.rss);
    this.heapPeak = Math.max(this.heapPeak, m.heapUsed);
    const t = this.temporalPid ? procRssBytes(this.temporalPid) : null;
    if (t !== null) this.temporalPeak = Math.max(this.temporalPeak ?? 0, t);
  }
}
