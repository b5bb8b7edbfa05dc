import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '../../deploy/local/free-port';

/**
 * The OpenBao (or Vault) binary deploy/tools/build-openbao.sh produces, in the order it honours:
 * RAIZE_BAO_BIN, then `bao` / `vault` in $RAIZE_BIN_DIR (default ~/.cache/raize/bin), then on PATH.
 * Returns the reason instead when there is none, so a test can say why it skipped.
 */
export function findBaoBinary(env: NodeJS.ProcessEnv = process.env): { bin: string } | { missing: string } {
  const hint = 'build it once with: bash deploy/tools/build-openbao.sh';
  if (env.RAIZE_BAO_BIN) {
    return existsSync(env.RAIZE_BAO_BIN)
      ? { bin: env.RAIZE_BAO_BIN }
      : { missing: `RAIZE_BAO_BIN=${env.RAIZE_BAO_BIN} does not exist; ${hint}` };
  }
  const cache = env.RAIZE_BIN_DIR ?? join(homedir(), '.cache', 'raize', 'bin');
  const dirs = [cache, ...(env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs)
    for (const name of ['bao', 'vault']) if (existsSync(join(dir, name))) return { bin: join(dir, name) };
  return { missing: `no OpenBao/Vault binary (RAIZE_BAO_BIN, ${cache}/bao, ${cache}/vault or PATH); ${hint}` };
}

export interface RunningBaoDevServer {
  addr: string;
  /** the random root token of this throwaway server */
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts `<bin> server -dev` (in memory, unsealed, KV v2 at secret/) on a free loopback port with a random
 * root token, enables Transit at transit/, and waits until it is healthy. HOME points at a temporary
 * directory because dev mode writes its root token to ~/.vault-token, which would replace a developer's own.
 */
export async function startBaoDevServer(o: { bin: string; timeoutMs?: number }): Promise<RunningBaoDevServer> {
  const port = await freePort();
  const token = `dev-${randomBytes(16).toString('hex')}`;
  const addr = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'raize-bao-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, TMPDIR: tmpdir() };
  const child = spawn(
    o.bin,
    ['server', '-dev', `-dev-root-token-id=${token}`, `-dev-listen-address=127.0.0.1:${port}`],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
        `${o.bin} server -dev exited with code ${exited}: ${output.split(token).join('[token]').slice(-1000)}`,
      );
    }
    const res = await fetch(`${addr}/v1/sys/health`).catch(() => undefined);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.bin} server -dev did not become healthy on ${addr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const mount = await fetch(`${addr}/v1/sys/mounts/transit`, {
    method: 'POST',
    headers: { 'X-Vault-Token': token },
    body: JSON.stringify({ type: 'transit' }),
  });
  if (!mount.ok) {
    await stop();
    throw new Error(`enabling transit on the dev server failed: HTTP ${mount.status}`);
  }
  return { addr, token, stop };
}
