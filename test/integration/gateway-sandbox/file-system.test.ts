import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probe, processGone, resultOf } from './sandbox-probe';

/** Every file-system move a script holding `require('node:fs')` could make, each reported as what it got. */
const ATTEMPTS = (p: { keyring: string; keyFile: string; shared: string; target: string }) => `
  const fs = require('node:fs');
  const t = (f) => { try { const v = f(); return 'got ' + (typeof v === 'string' ? v : JSON.stringify(v)); } catch (e) { return 'denied ' + (e.code ?? e.message); } };
  return {
    passwd: t(() => fs.readFileSync('/etc/passwd', 'utf8').slice(0, 4)),
    keyringDir: t(() => fs.readdirSync(${JSON.stringify(p.keyring)})),
    keyFile: t(() => fs.readFileSync(${JSON.stringify(p.keyFile)}, 'utf8')),
    worldReadable: t(() => fs.readFileSync(${JSON.stringify(p.shared)}, 'utf8')),
    repoFile: t(() => fs.readFileSync(${JSON.stringify(join(process.cwd(), 'package.json'))}, 'utf8').slice(0, 1)),
    write: t(() => fs.writeFileSync(${JSON.stringify(p.target)}, 'written by a script')),
  };`;

describe('script sandbox: file system (C-38)', () => {
  const base = mkdtempSync(join(tmpdir(), 'raize-fs-probe-'));
  // a keyring like the repo's .raize: a 0700 dir holding a 0600 key file, plus a world-readable file
  const keyring = join(base, '.raize');
  const paths = {
    keyring,
    keyFile: join(keyring, 'keyring.json'),
    shared: join(base, 'shared.txt'),
    target: join(base, 'written.txt'),
  };
  const SECRET = 'master-key-material-0123456789';
  beforeAll(() => {
    mkdirSync(keyring, { mode: 0o700 });
    writeFileSync(paths.keyFile, SECRET, { mode: 0o600 });
    writeFileSync(paths.shared, SECRET, { mode: 0o644 });
    chmodSync(base, 0o755);
  });
  afterEach(() => rmSync(paths.target, { force: true }));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('[C-38] a script cannot name the file system at all (no require, process or import)', async () => {
    const { outcome } = await probe(`
      const out = [typeof require, typeof process];
      try { await import('node:fs'); out.push('imported'); } catch (e) { out.push(e.message); }
      return out;`);
    expect(resultOf(outcome)).toEqual(['undefined', 'undefined', 'import() is not available in scripts']);
  });

  it('[C-38] the permission model alone denies every read and write, even for a script holding require', async () => {
    const { outcome, pid } = await probe(ATTEMPTS(paths), { hostRealm: true, only: { permissions: true } });
    const r = resultOf(outcome) as Record<string, string>;
    for (const [what, got] of Object.entries(r)) expect([what, got]).toEqual([what, 'denied ERR_ACCESS_DENIED']);
    expect(existsSync(paths.target)).toBe(false);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] the unprivileged uid alone keeps the 0600 keyring out of reach', async () => {
    const { outcome } = await probe(ATTEMPTS(paths), { hostRealm: true, only: { network: true } });
    const r = resultOf(outcome) as Record<string, string>;
    expect(r.keyringDir).toBe('denied EACCES');
    expect(r.keyFile).toBe('denied EACCES');
    expect(existsSync(paths.target)).toBe(false);
  });

  it('[C-38] the file-size limit alone stops a write: no byte lands', async () => {
    const { outcome, pid } = await probe(ATTEMPTS(paths), { hostRealm: true, only: { rlimits: true } });
    // Node ignores SIGXFSZ, so the kernel's refusal comes back as EFBIG instead of ending the run
    expect((resultOf(outcome) as Record<string, string>).write).toBe('denied EFBIG');
    expect(existsSync(paths.target) ? readFileSync(paths.target, 'utf8') : '').toBe('');
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] control: without those layers the same script reads the keyring and writes (the tests above bite)', async () => {
    const { outcome } = await probe(ATTEMPTS(paths), { hostRealm: true, only: {} });
    const r = resultOf(outcome) as Record<string, string>;
    expect(r).toMatchObject({ keyFile: `got ${SECRET}`, worldReadable: `got ${SECRET}`, passwd: 'got root' });
    expect(readFileSync(paths.target, 'utf8')).toBe('written by a script');
  });

  it('[C-38] the full sandbox: nothing read, nothing written', async () => {
    const { outcome } = await probe(`
      const out = [];
      for (const f of [() => require('node:fs'), () => process.binding('fs'), () => globalThis.process.mainModule]) {
        try { f(); out.push('reached'); } catch (e) { out.push(e.name); }
      }
      return out;`);
    expect(resultOf(outcome)).toEqual(['ReferenceError', 'ReferenceError', 'TypeError']);
    expect(existsSync(paths.target)).toBe(false);
  });
});
