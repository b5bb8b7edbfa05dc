import { randomBytes } from 'node:crypto';
import { probe, resultOf } from './sandbox-probe';

/** What a script holding `process` can learn of the gateway's secrets: its own env and the parent's. */
const LOOK = `
  const fs = require('node:fs');
  let parentEnv;
  // only whether it could be read: the content is the test runner's real environment and must not reach test output
  try { parentEnv = fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8').includes('PATH=') ? 'readable' : 'empty'; } catch (e) { parentEnv = 'denied ' + e.code; }
  return { env: process.env, parentEnv };`;

describe('script sandbox: the gateway secrets (C-38)', () => {
  const secret = randomBytes(32).toString('hex');
  const saved = { key: process.env.RAIZE_MASTER_KEY, file: process.env.RAIZE_MASTER_KEY_FILE };
  beforeAll(() => {
    process.env.RAIZE_MASTER_KEY = secret;
    process.env.RAIZE_MASTER_KEY_FILE = '/run/secrets/raize-master-key';
  });
  afterAll(() => {
    for (const [name, v] of [
      ['RAIZE_MASTER_KEY', saved.key],
      ['RAIZE_MASTER_KEY_FILE', saved.file],
    ] as const) {
      if (v === undefined) delete process.env[name];
      else process.env[name] = v;
    }
  });

  it('[C-38] a script sees no environment and no process at all', async () => {
    const { outcome } = await probe(`
      const seen = [typeof process, typeof globalThis.process, typeof require];
      for (const k of Object.getOwnPropertyNames(globalThis)) if (/env|secret|key|raize/i.test(k)) seen.push(k);
      return seen;`);
    expect(resultOf(outcome)).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('[C-38] the child starts with an empty environment: even holding process it finds no RAIZE_* and no secret', async () => {
    const { outcome } = await probe(LOOK, { hostRealm: true, only: { permissions: true } });
    const r = resultOf(outcome) as { env: Record<string, string>; parentEnv: string };
    // only what Node itself adds for the IPC channel
    expect(Object.keys(r.env).filter((k) => !k.startsWith('NODE_CHANNEL_'))).toEqual([]);
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(r.parentEnv).toBe('denied ERR_ACCESS_DENIED');
  });

  it('[C-38] the unprivileged uid alone keeps the parent process environment unreadable', async () => {
    const { outcome } = await probe(LOOK, { hostRealm: true, only: { network: true } });
    const r = resultOf(outcome) as { parentEnv: string };
    expect(r.parentEnv).toBe('denied EACCES');
  });

  it('[C-38] control: without those layers the parent environment is readable (the tests above bite)', async () => {
    const { outcome } = await probe(LOOK, { hostRealm: true, only: {} });
    const r = resultOf(outcome) as { parentEnv: string };
    expect(r.parentEnv).toBe('readable');
  });
});
