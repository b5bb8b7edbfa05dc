import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunFile } from './run-file';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'raize-run-')), 'stack.json');
const launcherPidIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { launcherPid: number }).launcherPid;

describe('RunFile', () => {
  it('refuses to start while the launcher recorded in the file is alive', async () => {
    const file = tmpFile();
    // This very test process plays the other launcher: alive, and its command line contains "node".
    writeFileSync(
      file,
      JSON.stringify({ launcherPid: process.ppid, launcherMatch: '', startedAt: 'then', processes: [] }),
    );
    await expect(new RunFile(file, 'demo.js').claim(() => undefined)).rejects.toThrow(/another Raize stack is running/);
    expect(launcherPidIn(file)).toBe(process.ppid);
  });

  it('stops a process a dead launcher left behind, then records itself and cleans up', async () => {
    const file = tmpFile();
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'raize-orphan-marker'], {
      stdio: 'ignore',
    });
    const gone = new Promise((r) => orphan.once('exit', r));
    writeFileSync(
      file,
      JSON.stringify({
        launcherPid: 2 ** 22 + 1,
        launcherMatch: 'demo.js',
        startedAt: 'then',
        processes: [{ name: 'temporal', pid: orphan.pid, match: 'raize-orphan-marker' }],
      }),
    );
    const notes: string[] = [];
    const run = new RunFile(file, 'demo.js');
    await run.claim((m) => notes.push(m));
    await gone;
    expect(notes.join('\n')).toMatch(/stopping temporal/);
    expect(launcherPidIn(file)).toBe(process.pid);
    run.release();
    expect(existsSync(file)).toBe(false);
  });
});
