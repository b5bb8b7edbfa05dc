// Loading and atomically saving the sandbox state file (write to a temp file, then rename over the target).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

export const STATE_VERSION = 1;

export function loadStateFile(file: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (text.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Sandbox state file ${file} is not valid JSON; refusing to overwrite it`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Sandbox state file ${file} does not contain a JSON object`);
  }
  const version = (parsed as { version?: unknown }).version;
  if (version !== STATE_VERSION) {
    throw new Error(
      `Sandbox state file ${file} has unsupported version ${String(version)} (expected ${STATE_VERSION})`,
    );
  }
  return parsed as Record<string, unknown>;
}

export function saveStateFile(file: string, state: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
