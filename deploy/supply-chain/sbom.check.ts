import { z } from 'zod';
import { installedEntries, packageNameOf, type PackageLock } from './package-lock.schema';
import { integrityHashes, npmPurl, PROP_DEVELOPMENT } from './sbom.build';
import type { SupplyChainProblem } from './supply-chain-problem';

const hashSchema = z.strictObject({
  alg: z.enum(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']),
  content: z.string().regex(/^[0-9a-f]+$/),
});

const componentSchema = z.looseObject({
  type: z.enum(['library', 'application']),
  'bom-ref': z.string().min(1),
  name: z.string().min(1),
  version: z.string().min(1),
  purl: z.string().regex(/^pkg:npm\/\S+@\S+$/),
  hashes: z.array(hashSchema).min(1).optional(),
  properties: z.array(z.strictObject({ name: z.string(), value: z.string() })).optional(),
});

/** The parts of CycloneDX 1.5 that consumers of our SBOM rely on (bom-1.5.schema.json, required fields and more). */
export const sbomSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.literal('1.5'),
  serialNumber: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  version: z.number().int().min(1),
  metadata: z.looseObject({ timestamp: z.iso.datetime(), component: componentSchema }),
  components: z.array(componentSchema),
  dependencies: z.array(z.strictObject({ ref: z.string(), dependsOn: z.array(z.string()) })),
});

export type ValidSbom = z.infer<typeof sbomSchema>;

export interface SbomCheckResult {
  components: number;
  production: number;
  problems: SupplyChainProblem[];
}

/**
 * C-55: the SBOM names every package of the lockfile (by purl) with the lockfile's integrity as its hash, marks
 * exactly the dev-only ones as development, and names nothing else.
 */
export function compareSbomWithLockfile(sbom: ValidSbom, lock: PackageLock): SbomCheckResult {
  const problems: SupplyChainProblem[] = [];
  const byPurl = new Map(sbom.components.map((c) => [c.purl, c]));
  const expected = new Set<string>();
  const production = new Set<string>();
  for (const [key, entry] of installedEntries(lock)) {
    if (entry.link) continue;
    const purl = npmPurl(packageNameOf(key, entry), entry.version ?? '0.0.0');
    expected.add(purl);
    if (!entry.dev) production.add(purl);
    const component = byPurl.get(purl);
    if (!component) {
      problems.push({ code: 'sbom_component_missing', subject: key, detail: purl });
      continue;
    }
    const want = entry.integrity ? integrityHashes(entry.integrity) : [];
    const have = component.hashes ?? [];
    if (!want.every((w) => have.some((h) => h.alg === w.alg && h.content === w.content))) {
      problems.push({ code: 'sbom_hash_mismatch', subject: key, detail: purl });
    }
  }
  for (const c of sbom.components) {
    if (!expected.has(c.purl)) problems.push({ code: 'sbom_component_unexpected', subject: c.purl });
    const markedDev = c.properties?.some((p) => p.name === PROP_DEVELOPMENT && p.value === 'true') ?? false;
    if (markedDev && production.has(c.purl)) problems.push({ code: 'sbom_production_marked_dev', subject: c.purl });
  }
  return { components: sbom.components.length, production: production.size, problems };
}
