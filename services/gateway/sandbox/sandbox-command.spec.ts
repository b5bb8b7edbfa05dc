import { sandboxCommand } from './sandbox-command';
import { FULL_LAYERS } from './sandbox-layers';
import { resolveLimits } from './script-limits';
import type { SandboxTools } from './sandbox-tools';

const tools: SandboxTools = {
  prlimit: '/usr/bin/prlimit',
  unshare: ['/usr/bin/unshare', '--net', '--setuid=65534', '--setgid=65534'],
  dropsPrivileges: true,
};

describe('sandboxCommand', () => {
  it('wraps node in prlimit and unshare, with the permission model reading only the runner', () => {
    const argv = sandboxCommand(FULL_LAYERS, resolveLimits(), tools, '/tmp/run/runner.cjs');
    expect(argv.slice(0, 10)).toEqual([
      '/usr/bin/prlimit',
      '--cpu=2:3',
      `--as=${(1024 + 4 * 128) * 1024 * 1024}`,
      '--core=0',
      '--fsize=0',
      '--nofile=64',
      '--nproc=256',
      '--',
      '/usr/bin/unshare',
      '--net',
    ]);
    expect(argv).toContain('--experimental-permission');
    expect(argv).toContain('--allow-fs-read=/tmp/run/runner.cjs');
    expect(argv.some((a) => /^--allow-(fs-write|child-process|worker)/.test(a))).toBe(false);
    expect(argv).toContain('--max-old-space-size=128');
    expect(argv).toContain('--disallow-code-generation-from-strings');
    expect(argv[argv.length - 1]).toBe('/tmp/run/runner.cjs');
  });

  it('rounds CPU up to whole seconds and sets nproc only for a uid of its own', () => {
    const argv = sandboxCommand(
      FULL_LAYERS,
      resolveLimits({ cpuMs: 1_500 }),
      { ...tools, dropsPrivileges: false },
      '/r',
    );
    expect(argv).toContain('--cpu=2:3');
    expect(argv.some((a) => a.startsWith('--nproc'))).toBe(false);
  });

  it('leaves out exactly the layers switched off', () => {
    const argv = sandboxCommand(
      { ...FULL_LAYERS, network: false, permissions: false, rlimits: false, heapLimit: false },
      resolveLimits(),
      tools,
      '/r',
    );
    expect(argv[0]).toBe(process.execPath);
    expect(argv.join(' ')).not.toMatch(/prlimit|unshare|permission|max-old-space/);
  });
});
