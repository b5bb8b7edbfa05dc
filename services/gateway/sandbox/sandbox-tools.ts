import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The unprivileged identity a script runs as when the gateway runs as root (nobody/nogroup). */
export const SCRIPT_UID = 65534;

/** How this host enters a new network namespace, found once: null when it cannot (the sandbox then fails closed). */
export interface SandboxTools {
  prlimit: string;
  /** the unshare command and its flags, without the program */
  unshare: string[];
  /** the child drops to {@link SCRIPT_UID}: the runner file must be readable by it */
  dropsPrivileges: boolean;
}

let probed: SandboxTools | null | undefined;

/**
 * As root, `unshare --net` and then setuid to nobody (so RLIMIT_NPROC counts only scripts and the keyring's 0600
 * files are out of reach too); as any other user, a user namespace mapping it to root inside, which is what lets an
 * unprivileged process make a network namespace at all. Either way the probe runs the real command once: a host
 * that does not allow it gets `sandbox_unavailable`, never a run without the namespace.
 */
export function sandboxTools(): SandboxTools | null {
  if (probed !== undefined) return probed;
  const prlimit = firstExisting(['/usr/bin/prlimit', '/bin/prlimit']);
  const unshare = firstExisting(['/usr/bin/unshare', '/bin/unshare']);
  probed = null;
  if (!prlimit || !unshare) return probed;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const flags = isRoot ? ['--net', `--setuid=${SCRIPT_UID}`, `--setgid=${SCRIPT_UID}`] : ['--map-root-user', '--net'];
  const probe = spawnSync(unshare, [...flags, '--', process.execPath, '-e', '0'], {
    env: {},
    stdio: 'ignore',
    timeout: 10_000,
  });
  if (probe.status === 0) probed = { prlimit, unshare: [unshare, ...flags], dropsPrivileges: isRoot };
  return probed;
}

function firstExisting(paths: string[]): string | undefined {
  return paths.find((p) => existsSync(p));
}
