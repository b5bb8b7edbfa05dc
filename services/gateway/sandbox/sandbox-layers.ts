import { SCRIPT_RUNNER_SOURCE } from './script-runner.source';

/**
 * The independent layers around a script (C-38); each one alone must stop the escape it is for. Production always
 * runs every layer ({@link FULL_LAYERS}); the integration tests switch single layers off to prove that the others
 * still hold and that each test bites when its layer is missing.
 */
export interface SandboxLayers {
  /** a new network namespace with only a down loopback (`unshare --net`), as an unprivileged uid */
  network: boolean;
  /** Node's permission model: the runner file is the only thing the child may read; no writes, no child processes */
  permissions: boolean;
  /** prlimit: CPU seconds, address space, no core file, no file size, few processes, few descriptors */
  rlimits: boolean;
  /** `node --max-old-space-size` */
  heapLimit: boolean;
  /** the child's program: the vm-context runner, unless a test swaps in one that hands the script `require` */
  runnerSource: string;
}

export const FULL_LAYERS: SandboxLayers = {
  network: true,
  permissions: true,
  rlimits: true,
  heapLimit: true,
  runnerSource: SCRIPT_RUNNER_SOURCE,
};
