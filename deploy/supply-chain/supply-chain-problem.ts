/**
 * Every reason the supply-chain check (C-55) refuses the tree, defined once: the checks return them, the report
 * prints them, the specs assert them.
 */
export const SUPPLY_CHAIN_PROBLEMS = {
  resolved_outside_registry: 'resolved from somewhere other than the npm registry',
  resolved_name_mismatch: 'registry tarball of a different package than the lockfile entry names',
  non_registry_spec: 'declared with a git, file, link or URL spec instead of a registry version',
  missing_integrity: 'no integrity hash, so npm ci cannot verify the tarball',
  weak_integrity: 'integrity without a sha512 hash',
  link_outside_repo: 'a link that points outside the repository',
  install_script_not_allowed: 'has an install script but is not named in package.json allowScripts',
  install_script_not_in_lockfile: 'installed with an install script the lockfile does not mark (hasInstallScript)',
  allow_scripts_entry_unused: 'named in package.json allowScripts but no package in the lockfile has an install script',
  allow_scripts_entry_pinned:
    'allowScripts entry pinned to a version, which npm cannot match here (lockfile omits resolved)',
  advisory_not_allowlisted: 'high or critical advisory with no current entry in the audit allowlist',
  allowlist_entry_expired: 'audit allowlist entry past its review-by date',
  allowlist_entry_too_long: 'audit allowlist entry with a review-by date more than 180 days ahead',
  allowlist_entry_unused: 'audit allowlist entry that matches no advisory npm audit reports',
  sbom_component_missing: 'a package of the lockfile missing from the SBOM',
  sbom_component_unexpected: 'an SBOM component that is not in the lockfile',
  sbom_hash_mismatch: 'an SBOM component whose hash differs from the lockfile integrity',
  sbom_production_marked_dev: 'a production package marked development, so a production view of the SBOM drops it',
} as const;

export type SupplyChainProblemCode = keyof typeof SUPPLY_CHAIN_PROBLEMS;

export interface SupplyChainProblem {
  code: SupplyChainProblemCode;
  /** The package (lockfile path or name) or allowlist entry the problem is about. */
  subject: string;
  detail?: string;
}

export function describeProblem(p: SupplyChainProblem): string {
  return `${p.code}: ${p.subject}: ${SUPPLY_CHAIN_PROBLEMS[p.code]}${p.detail ? ` (${p.detail})` : ''}`;
}
