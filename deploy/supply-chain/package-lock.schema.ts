import { z } from 'zod';

const depMap = z.record(z.string(), z.string());

const lockEntrySchema = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  resolved: z.string().optional(),
  integrity: z.string().optional(),
  link: z.boolean().optional(),
  dev: z.boolean().optional(),
  optional: z.boolean().optional(),
  devOptional: z.boolean().optional(),
  inBundle: z.boolean().optional(),
  hasInstallScript: z.boolean().optional(),
  // Old packages still carry a `licenses` array, which npm copies here as is.
  license: z.union([z.string(), z.array(z.looseObject({ type: z.string().optional() }))]).optional(),
  dependencies: depMap.optional(),
  optionalDependencies: depMap.optional(),
  devDependencies: depMap.optional(),
  peerDependencies: depMap.optional(),
});

/** package-lock.json v2/v3: only the `packages` section (v1's `dependencies` tree is not read). */
export const packageLockSchema = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  lockfileVersion: z.union([z.literal(2), z.literal(3)]),
  packages: z.record(z.string(), lockEntrySchema),
});

export type PackageLock = z.infer<typeof packageLockSchema>;
export type LockEntry = z.infer<typeof lockEntrySchema>;

export const ROOT_KEY = '';

/**
 * The package's real name: an alias (`"string-width-cjs": "npm:string-width@^4"`) is installed under the alias
 * folder but the lockfile records the real name in `name`.
 */
export function packageNameOf(key: string, entry: LockEntry): string {
  if (entry.name) return entry.name;
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? key : key.slice(at + 'node_modules/'.length);
}

/** A folder of this repository (the root or a workspace), not an installed package. */
export function isProjectFolder(key: string): boolean {
  return !key.split('/').includes('node_modules');
}

/** Every installed package of the lockfile (not the root, not workspace folders). */
export function installedEntries(lock: PackageLock): Array<[string, LockEntry]> {
  return Object.entries(lock.packages).filter(([key]) => key !== ROOT_KEY && !isProjectFolder(key));
}
