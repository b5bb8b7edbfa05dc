import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageLockSchema, type PackageLock } from './package-lock.schema';
import { buildSbom, npmPurl, PROP_DEVELOPMENT, type CdxBom } from './sbom.build';
import { compareSbomWithLockfile, sbomSchema } from './sbom.check';

const ROOT = join(__dirname, '..', '..');
const rawLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { name?: string; version?: string; integrity?: string; dev?: boolean; link?: boolean }>;
};
const lock: PackageLock = packageLockSchema.parse(rawLock);
const build = (): CdxBom =>
  buildSbom({
    lock,
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    timestamp: '2026-12-01T12:00:00.000Z',
    tool: { name: 'deploy/supply-chain/sbom.build', version: '0.1.0' },
  });
const problemCodes = (bom: CdxBom): string[] =>
  compareSbomWithLockfile(sbomSchema.parse(bom), lock).problems.map((p) => `${p.code} ${p.subject}`);

// Read straight from the lockfile's JSON, not through the builder's helpers.
const lockProduction = Object.entries(rawLock.packages).filter(
  ([key, e]) => key.includes('node_modules/') && !e.dev && !e.link,
);

describe('CycloneDX SBOM (C-55)', () => {
  it('[C-55] is CycloneDX 1.5 with a purl for every component and the lockfile integrity as a SHA-512 hash', () => {
    const bom = build();
    expect(sbomSchema.safeParse(bom).success).toBe(true);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1 });
    expect(bom.metadata.component).toMatchObject({ name: 'raize', purl: 'pkg:npm/raize@0.1.0', type: 'application' });
    const swc = bom.components.find((c) => c.name === '@swc/core')!;
    const swcIntegrity = rawLock.packages['node_modules/@swc/core']!.integrity!;
    expect(swc.purl).toBe(`pkg:npm/%40swc/core@${rawLock.packages['node_modules/@swc/core']!.version}`);
    expect(swc.hashes).toEqual([
      { alg: 'SHA-512', content: Buffer.from(swcIntegrity.slice('sha512-'.length), 'base64').toString('hex') },
    ]);
    // @swc/core is a devDependency of ours but @temporalio/worker needs it at run time: production.
    expect(rawLock.packages['node_modules/@swc/core']!.dev).toBeUndefined();
    expect(swc.properties?.some((p) => p.name === PROP_DEVELOPMENT)).toBe(false);
    const typescript = bom.components.find((c) => c.name === 'typescript')!;
    expect(rawLock.packages['node_modules/typescript']!.dev).toBe(true);
    expect(typescript.properties).toContainEqual({ name: PROP_DEVELOPMENT, value: 'true' });
  });

  it('[C-55] lists every production dependency of package-lock.json, none of them marked development', () => {
    const bom = build();
    const byPurl = new Map(bom.components.map((c) => [c.purl, c]));
    expect(lockProduction.length).toBeGreaterThan(100);
    for (const [key, e] of lockProduction) {
      const name = e.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const scope = name.startsWith('@') ? name.replace('@', '%40') : name;
      const component = byPurl.get(`pkg:npm/${scope}@${e.version}`);
      expect({ key, listed: Boolean(component) }).toEqual({ key, listed: true });
      expect(component!.properties?.some((p) => p.name === PROP_DEVELOPMENT)).toBe(false);
      expect(component!.hashes?.[0]?.content).toBe(Buffer.from(e.integrity!.slice(7), 'base64').toString('hex'));
    }
    expect(problemCodes(bom)).toEqual([]);
  });

  it('names an alias by its real package and resolves nested dependencies like Node does', () => {
    const bom = build();
    const alias = rawLock.packages['node_modules/string-width-cjs']!;
    expect(bom.components.map((c) => c.purl)).toContain(npmPurl('string-width', alias.version!));
    const protoLoader = rawLock.packages['node_modules/@grpc/proto-loader']!;
    const nested = rawLock.packages['node_modules/@grpc/proto-loader/node_modules/protobufjs']!;
    const edges = bom.dependencies.find((d) => d.ref === `@grpc/proto-loader@${protoLoader.version}`)!;
    expect(edges.dependsOn).toContain(`protobufjs@${nested.version}`);
    const root = bom.dependencies.find((d) => d.ref === 'raize@0.1.0')!;
    expect(root.dependsOn).toContain(`@swc/core@${rawLock.packages['node_modules/@swc/core']!.version}`);
  });

  it('[C-55] the comparison catches a missing component, a changed hash, an extra component and a production package marked development', () => {
    const pg = rawLock.packages['node_modules/pg']!;
    const pgPurl = `pkg:npm/pg@${pg.version}`;

    const missing = build();
    missing.components = missing.components.filter((c) => c.purl !== pgPurl);
    expect(problemCodes(missing)).toEqual([`sbom_component_missing node_modules/pg`]);

    const tampered = build();
    tampered.components.find((c) => c.purl === pgPurl)!.hashes![0]!.content = '00'.repeat(64);
    expect(problemCodes(tampered)).toEqual([`sbom_hash_mismatch node_modules/pg`]);

    const extra = build();
    extra.components.push({
      type: 'library',
      'bom-ref': 'evil@1.0.0',
      name: 'evil',
      version: '1.0.0',
      purl: 'pkg:npm/evil@1.0.0',
    });
    expect(problemCodes(extra)).toEqual(['sbom_component_unexpected pkg:npm/evil@1.0.0']);

    const hidden = build();
    hidden.components.find((c) => c.purl === pgPurl)!.properties!.push({ name: PROP_DEVELOPMENT, value: 'true' });
    expect(problemCodes(hidden)).toEqual([`sbom_production_marked_dev ${pgPurl}`]);
  });

  it('refuses a document that is not CycloneDX 1.5', () => {
    expect(sbomSchema.safeParse({ ...build(), bomFormat: 'SPDX' }).success).toBe(false);
    expect(sbomSchema.safeParse({ ...build(), specVersion: '1.4' }).success).toBe(false);
    const noPurl = build();
    (noPurl.components[0] as { purl?: string }).purl = undefined;
    expect(sbomSchema.safeParse(noPurl).success).toBe(false);
  });
});
