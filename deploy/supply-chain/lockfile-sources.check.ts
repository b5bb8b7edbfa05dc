import {
  installedEntries,
  isProjectFolder,
  packageNameOf,
  type LockEntry,
  type PackageLock,
} from './package-lock.schema';
import type { SupplyChainProblem } from './supply-chain-problem';

export const NPM_REGISTRY = 'https://registry.npmjs.org/';

export interface LockfileSourcesResult {
  checked: number;
  problems: SupplyChainProblem[];
}

type SpecKind = 'registry' | 'git' | 'file' | 'url' | 'other-protocol';

/** How npm would fetch a dependency spec (the right-hand side of a `dependencies` entry). */
export function specKind(spec: string): SpecKind {
  const s = spec.trim();
  if (s.startsWith('npm:')) {
    // An alias: `npm:name@range` or `npm:@scope/name@range`; only the range after the name decides.
    const rest = s.slice(4);
    const at = rest.indexOf('@', rest.startsWith('@') ? 1 : 0);
    return at === -1 ? 'registry' : specKind(rest.slice(at + 1));
  }
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/i.test(s)) return 'git';
  if (/^(file:|link:)/i.test(s) || /^(\.{1,2}\/|\/|~\/)/.test(s)) return 'file';
  if (/^https?:/i.test(s)) return 'url';
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return 'other-protocol';
  // `user/repo` and `user/repo#ref` are GitHub shorthands; no semver range or dist-tag contains a slash.
  if (s.includes('/')) return 'git';
  return 'registry';
}

const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies'] as const;

function specProblems(key: string, entry: LockEntry): SupplyChainProblem[] {
  const problems: SupplyChainProblem[] = [];
  for (const field of DEP_FIELDS) {
    for (const [dep, spec] of Object.entries(entry[field] ?? {})) {
      const kind = specKind(spec);
      if (kind !== 'registry') {
        problems.push({ code: 'non_registry_spec', subject: key || '(root)', detail: `${dep}: ${spec} (${kind})` });
      }
    }
  }
  return problems;
}

/** `https://registry.npmjs.org/@scope/name/-/name-1.2.3.tgz` belongs to `@scope/name`. */
function tarballOwner(resolved: string): string | undefined {
  const path = resolved.slice(NPM_REGISTRY.length);
  const sep = path.indexOf('/-/');
  return sep === -1 ? undefined : decodeURIComponent(path.slice(0, sep));
}

function entryProblems(key: string, entry: LockEntry): SupplyChainProblem[] {
  if (entry.link) {
    const target = entry.resolved ?? '';
    // Workspace links point at a folder of this repository; anything else installs code from outside the lockfile.
    const inside = target !== '' && !target.startsWith('/') && !target.split('/').includes('..');
    return inside ? [] : [{ code: 'link_outside_repo', subject: key, detail: target || 'no target' }];
  }
  const problems: SupplyChainProblem[] = [];
  const name = packageNameOf(key, entry);
  if (entry.resolved !== undefined) {
    if (!entry.resolved.startsWith(NPM_REGISTRY)) {
      problems.push({ code: 'resolved_outside_registry', subject: key, detail: entry.resolved });
    } else if (tarballOwner(entry.resolved) !== name) {
      problems.push({ code: 'resolved_name_mismatch', subject: key, detail: `${name} -> ${entry.resolved}` });
    }
  }
  if (entry.version !== undefined && specKind(entry.version) !== 'registry') {
    problems.push({ code: 'non_registry_spec', subject: key, detail: `version ${entry.version}` });
  }
  // A bundled dependency ships inside its parent's tarball, which carries the integrity.
  if (!entry.inBundle) {
    if (!entry.integrity) {
      problems.push({ code: 'missing_integrity', subject: key });
    } else if (!entry.integrity.split(/\s+/).some((h) => h.startsWith('sha512-'))) {
      problems.push({ code: 'weak_integrity', subject: key, detail: entry.integrity.split('-')[0] });
    }
  }
  return problems;
}

/**
 * C-55: every package comes from the npm registry with an integrity hash npm ci verifies. This machine's npm writes
 * lockfiles with `omit-lockfile-registry-resolved`, so registry entries carry no `resolved`; one that does must
 * point at the registry tarball of the package it names.
 */
export function checkLockfileSources(lock: PackageLock): LockfileSourcesResult {
  const problems: SupplyChainProblem[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (isProjectFolder(key)) problems.push(...specProblems(key, entry));
  }
  const installed = installedEntries(lock);
  for (const [key, entry] of installed) {
    problems.push(...entryProblems(key, entry), ...specProblems(key, entry));
  }
  return { checked: installed.length, problems };
}
