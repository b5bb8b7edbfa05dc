import { z } from 'zod';
import { installedEntries, packageNameOf, type PackageLock } from './package-lock.schema';
import type { SupplyChainProblem } from './supply-chain-problem';

/** package.json `allowScripts` as npm 11 reads it: package spec -> run (true) or skip (false). */
export const allowScriptsSchema = z.record(z.string().min(1), z.boolean());
export type AllowScripts = z.infer<typeof allowScriptsSchema>;

/** What an installed package's own package.json says about install-time scripts. */
export interface InstalledScripts {
  /** Lockfile key, e.g. `node_modules/@swc/core`. */
  key: string;
  /** preinstall/install/postinstall present, or a binding.gyp (npm then runs `node-gyp rebuild`). */
  hasInstallScript: boolean;
}

export interface InstallScriptsResult {
  /** Distinct package names with an install script in the lockfile. */
  withScripts: string[];
  allowed: string[];
  denied: string[];
  problems: SupplyChainProblem[];
}

/** A bare package name (`name`, `@scope/name`), with no version after it. */
function isBareName(spec: string): boolean {
  return /^(@[^/@\s]+\/)?[^/@\s]+$/.test(spec);
}

/**
 * C-55: install scripts run only for packages named in package.json `allowScripts`. Entries are names, not
 * `name@version` pins: npm matches a pin against the lockfile's `resolved`, which this machine's npm omits
 * (`omit-lockfile-registry-resolved`), so a pin never matches and the package would count as unreviewed.
 */
export function checkInstallScripts(
  lock: PackageLock,
  allowScripts: AllowScripts,
  installed: InstalledScripts[] = [],
): InstallScriptsResult {
  const problems: SupplyChainProblem[] = [];
  const entries = installedEntries(lock);
  const byKey = new Map(entries);
  const withScripts = new Set<string>();
  for (const [key, entry] of entries) {
    if (!entry.hasInstallScript) continue;
    const name = packageNameOf(key, entry);
    withScripts.add(name);
    if (!(name in allowScripts)) problems.push({ code: 'install_script_not_allowed', subject: key });
  }
  // The lockfile's flag is what npm consults; a package that has scripts on disk without it was slipped past.
  for (const pkg of installed) {
    if (pkg.hasInstallScript && byKey.get(pkg.key)?.hasInstallScript !== true) {
      problems.push({ code: 'install_script_not_in_lockfile', subject: pkg.key });
    }
  }
  for (const spec of Object.keys(allowScripts)) {
    if (!isBareName(spec)) problems.push({ code: 'allow_scripts_entry_pinned', subject: spec });
    else if (!withScripts.has(spec)) problems.push({ code: 'allow_scripts_entry_unused', subject: spec });
  }
  const names = Object.keys(allowScripts).filter(isBareName);
  return {
    withScripts: [...withScripts].sort(),
    allowed: names.filter((n) => allowScripts[n]).sort(),
    denied: names.filter((n) => !allowScripts[n]).sort(),
    problems,
  };
}
