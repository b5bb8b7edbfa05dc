import type { SandboxLayers } from './sandbox-layers';
import type { ScriptLimits } from './script-limits';
import type { SandboxTools } from './sandbox-tools';

/** V8 reserves a lot of address space up front: the cap sits this far above the heap so V8's own limit bites first. */
const ADDRESS_SPACE_BASE_MB = 1024;
const ADDRESS_SPACE_PER_HEAP_MB = 4;

/**
 * The argv of one run: `prlimit … -- unshare --net … -- node <flags> runner.cjs`. prlimit and unshare exec (no
 * fork), so the pid the parent holds is the node process itself and the process group it leads is the whole run.
 */
export function sandboxCommand(
  layers: SandboxLayers,
  limits: ScriptLimits,
  tools: SandboxTools | null,
  runnerPath: string,
): string[] {
  const argv: string[] = [];
  if (layers.rlimits && tools) {
    const cpuSeconds = Math.max(1, Math.ceil(limits.cpuMs / 1000));
    const addressSpaceMb = ADDRESS_SPACE_BASE_MB + ADDRESS_SPACE_PER_HEAP_MB * limits.heapMb;
    argv.push(
      tools.prlimit,
      // soft below hard: SIGXCPU at the soft limit tells "CPU" apart from the parent's SIGKILL at the wall limit
      `--cpu=${cpuSeconds}:${cpuSeconds + 1}`,
      `--as=${addressSpaceMb * 1024 * 1024}`,
      '--core=0',
      '--fsize=0',
      '--nofile=64',
      // RLIMIT_NPROC counts every process and thread of the uid: meaningful only for the uid scripts alone run as
      ...(tools.dropsPrivileges ? ['--nproc=256'] : []),
      '--',
    );
  }
  if (layers.network && tools) argv.push(...tools.unshare, '--');
  argv.push(process.execPath);
  if (layers.permissions) argv.push('--experimental-permission', `--allow-fs-read=${runnerPath}`);
  if (layers.heapLimit) argv.push(`--max-old-space-size=${limits.heapMb}`);
  argv.push(
    // import() inside the vm context is answered by the runner's callback only with this flag (else a host error leaks)
    '--experimental-vm-modules',
    // even a host Function reached somehow cannot compile `return process`
    '--disallow-code-generation-from-strings',
    '--no-addons',
    runnerPath,
  );
  return argv;
}
