import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface RunRecord {
  launcherPid: number;
  launcherMatch: string;
  startedAt: string;
  processes: { name: string; pid: number; match: string }[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether pid is still the process we started (pids get reused); unknown without /proc. */
function commandMatches(pid: number, match: string): boolean | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(match);
  } catch {
    return alive(pid) ? undefined : false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * <dataDir>/run/stack.json names the processes of the running stack. Two stacks on one data dir would
 * share the SQLite file and the keyring, so a live launcher there is refused; processes left behind by
 * a launcher that was killed with SIGKILL are stopped, so that their ports are free again.
 */
export class RunFile {
  private record: RunRecord;
  private claimed = false;

  constructor(
    private readonly file: string,
    launcherMatch: string,
  ) {
    this.record = { launcherPid: process.pid, launcherMatch, startedAt: new Date().toISOString(), processes: [] };
  }

  async claim(note: (m: string) => void): Promise<void> {
    let previous: RunRecord | undefined;
    try {
      previous = JSON.parse(readFileSync(this.file, 'utf8')) as RunRecord;
    } catch {
      previous = undefined;
    }
    if (
      previous &&
      previous.launcherPid !== process.pid &&
      commandMatches(previous.launcherPid, previous.launcherMatch) !== false
    ) {
      throw new Error(
        `another Raize stack is running on this data dir (launcher pid ${previous.launcherPid}, started ${previous.startedAt}).\n` +
          `  Stop it with Ctrl-C in its terminal or \`kill ${previous.launcherPid}\`, or give this one its own RAIZE_DATA_DIR and ports.`,
      );
    }
    for (const p of previous?.processes ?? []) {
      const ours = commandMatches(p.pid, p.match);
      if (ours === false) continue;
      if (ours === undefined) {
        note(`pid ${p.pid} (${p.name}) from a previous run may still be running; stop it if its port is taken`);
        continue;
      }
      note(`stopping ${p.name} (pid ${p.pid}) left running by a previous launcher that did not shut down`);
      process.kill(p.pid, 'SIGTERM');
      for (let i = 0; i < 40 && alive(p.pid); i++) await sleep(250);
      if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
    }
    this.claimed = true;
    this.write();
  }

  add(name: string, pid: number | undefined, match: string): void {
    if (pid === undefined || !this.claimed) return;
    this.record.processes.push({ name, pid, match });
    this.write();
  }

  /** Only a claimed file is ours to remove: a refused second launcher leaves the first one's alone. */
  release(): void {
    if (!this.claimed) return;
    this.claimed = false;
    rmSync(this.file, { force: true });
  }

  private write(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, `${JSON.stringify(this.record, null, 2)}\n`);
  }
}
