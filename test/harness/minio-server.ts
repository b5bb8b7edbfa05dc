import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from '@jest/globals';
import { freePort } from '../../deploy/local/free-port';

/** The variable CI sets: a missing MinIO binary fails the run instead of skipping the MinIO half. */
export const REQUIRE_MINIO_VARIABLE = 'RAIZE_REQUIRE_MINIO';

/**
 * The MinIO binary deploy/tools/build-minio.sh produces, in the order it honours: RAIZE_MINIO_BIN, then `minio` in
 * $RAIZE_BIN_DIR (default ~/.cache/raize/bin), then on PATH. Returns the reason instead when there is none.
 */
export function findMinioBinary(env: NodeJS.ProcessEnv = process.env): { bin: string } | { missing: string } {
  const hint = 'build it once with: bash deploy/tools/build-minio.sh';
  if (env.RAIZE_MINIO_BIN) {
    return existsSync(env.RAIZE_MINIO_BIN)
      ? { bin: env.RAIZE_MINIO_BIN }
      : { missing: `RAIZE_MINIO_BIN=${env.RAIZE_MINIO_BIN} does not exist; ${hint}` };
  }
  const cache = env.RAIZE_BIN_DIR ?? join(homedir(), '.cache', 'raize', 'bin');
  for (const dir of [cache, ...(env.PATH ?? '').split(delimiter).filter(Boolean)])
    if (existsSync(join(dir, 'minio'))) return { bin: join(dir, 'minio') };
  return { missing: `no MinIO binary (RAIZE_MINIO_BIN, ${cache}/minio or PATH); ${hint}` };
}

export type MinioSuiteMode = { run: string } | { fail: string } | { skip: string };

export function minioSuiteMode(env: NodeJS.ProcessEnv = process.env): MinioSuiteMode {
  const found = findMinioBinary(env);
  if ('bin' in found) return { run: found.bin };
  return env[REQUIRE_MINIO_VARIABLE] === '1' ? { fail: found.missing } : { skip: found.missing };
}

/**
 * Runs `suite` with the MinIO binary when there is one. Without it the suite is skipped with the reason printed,
 * unless RAIZE_REQUIRE_MINIO=1 (CI), which turns the missing binary into a failing test: a MinIO build that failed
 * must not leave the S3 backend's half of the artifact suites unproven.
 */
export function describeWithMinio(name: string, suite: (bin: string) => void, env = process.env): void {
  const mode = minioSuiteMode(env);
  if ('run' in mode) {
    describe(`${name} (${mode.run})`, () => suite(mode.run));
  } else if ('fail' in mode) {
    describe(name, () => {
      it(`finds the MinIO binary (${REQUIRE_MINIO_VARIABLE}=1)`, () => {
        throw new Error(mode.fail);
      });
    });
  } else {
    process.stderr.write(`\n[${name}] MinIO half SKIPPED: ${mode.skip}\n`);
    describe.skip(`${name} (skipped: ${mode.skip})`, () => {
      it('needs a MinIO binary', () => undefined);
    });
  }
}

export interface RunningMinio {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** the data directory: tests tamper with objects here as an attacker with disk access would */
  dataDir: string;
  accessKey: string;
  secretKey: string;
  stop(): Promise<void>;
}

/**
 * Starts `minio server <tmpdir> --address 127.0.0.1:<free port>` with generated root credentials and the web
 * console off, and waits for /minio/health/live. HOME points at a temporary directory so MinIO's config and
 * certificate folders never land in a developer's home.
 */
export async function startMinioServer(o: { bin: string; timeoutMs?: number }): Promise<RunningMinio> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'raize-minio-home-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'raize-minio-data-'));
  const accessKey = `raize${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(24).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: tmpdir(),
    MINIO_ROOT_USER: accessKey,
    MINIO_ROOT_PASSWORD: secretKey,
    MINIO_BROWSER: 'off',
    MINIO_UPDATE: 'off',
  };
  const child = spawn(o.bin, ['server', dataDir, '--address', `127.0.0.1:${port}`, '--quiet'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => (output = (output + b.toString('utf8')).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = () =>
    new Promise<void>((resolve) => {
      process.removeListener('exit', killOnExit);
      const done = () => {
        rmSync(home, { recursive: true, force: true });
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (exited !== null) return done();
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(t);
        done();
      });
      child.kill('SIGTERM');
    });

  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(
        `${o.bin} server exited with code ${exited}: ${output.split(secretKey).join('[secret]').slice(-1000)}`,
      );
    }
    const res = await fetch(`${endpoint}/minio/health/live`).catch(() => undefined);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.bin} server did not become healthy on ${endpoint}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { endpoint, dataDir, accessKey, secretKey, stop };
}
