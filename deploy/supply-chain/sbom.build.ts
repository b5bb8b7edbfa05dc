import { installedEntries, packageNameOf, type LockEntry, type PackageLock } from './package-lock.schema';

const CYCLONEDX_SCHEMA = 'http://cyclonedx.org/schema/bom-1.5.schema.json';
export const PROP_DEVELOPMENT = 'cdx:npm:package:development';
export const PROP_LOCKFILE_PATH = 'cdx:npm:package:path';

const HASH_ALGS: Record<string, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

export type CdxLicense = { license: { id: string } } | { license: { name: string } } | { expression: string };

export interface CdxComponent {
  type: 'library' | 'application';
  'bom-ref': string;
  name: string;
  version: string;
  scope?: 'required' | 'optional';
  purl: string;
  hashes?: Array<{ alg: string; content: string }>;
  licenses?: CdxLicense[];
  properties?: Array<{ name: string; value: string }>;
}

export interface CdxBom {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: '1.5';
  serialNumber: string;
  version: number;
  metadata: {
    timestamp: string;
    tools: Array<{ vendor: string; name: string; version: string }>;
    component: CdxComponent;
  };
  components: CdxComponent[];
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
}

export interface SbomInput {
  lock: PackageLock;
  /** urn:uuid:… — fresh for each build. */
  serialNumber: string;
  timestamp: string;
  tool: { name: string; version: string };
}

/** Package URL of an npm package: the scope's `@` is percent-encoded (purl-spec, npm type). */
export function npmPurl(name: string, version: string): string {
  const [scope, bare] = name.startsWith('@') ? name.split('/', 2) : [undefined, name];
  const ns = scope ? `${encodeURIComponent(scope)}/` : '';
  return `pkg:npm/${ns}${encodeURIComponent(bare ?? name)}@${encodeURIComponent(version)}`;
}

/** `sha512-<base64>` (the strongest of a multi-hash integrity) as CycloneDX hashes in hex. */
export function integrityHashes(integrity: string): Array<{ alg: string; content: string }> {
  return integrity
    .split(/\s+/)
    .map((h) => /^(sha1|sha256|sha384|sha512)-(.+)$/.exec(h))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ alg: HASH_ALGS[m[1]!]!, content: Buffer.from(m[2]!, 'base64').toString('hex') }));
}

function licensesOf(license: LockEntry['license']): CdxLicense[] | undefined {
  if (license === undefined) return undefined;
  if (Array.isArray(license)) return license.flatMap((l) => (l.type ? [{ license: { name: l.type } }] : []));
  return /^[A-Za-z0-9.+-]+$/.test(license) ? [{ license: { id: license } }] : [{ expression: license }];
}

export function refOf(name: string, version: string): string {
  return `${name}@${version}`;
}

function componentOf(key: string, entry: LockEntry): CdxComponent {
  const name = packageNameOf(key, entry);
  const version = entry.version ?? '0.0.0';
  const properties = [{ name: PROP_LOCKFILE_PATH, value: key }];
  if (entry.dev) properties.push({ name: PROP_DEVELOPMENT, value: 'true' });
  const hashes = entry.integrity ? integrityHashes(entry.integrity) : [];
  return {
    type: 'library',
    'bom-ref': refOf(name, version),
    name,
    version,
    scope: entry.optional || entry.devOptional ? 'optional' : 'required',
    purl: npmPurl(name, version),
    ...(hashes.length ? { hashes } : {}),
    ...(licensesOf(entry.license) ? { licenses: licensesOf(entry.license) } : {}),
    properties,
  };
}

/** One name@version installed at several paths is one component: production if any copy is, required likewise. */
function mergeOccurrence(seen: CdxComponent, again: CdxComponent): void {
  const isDev = (c: CdxComponent): boolean => c.properties?.some((p) => p.name === PROP_DEVELOPMENT) ?? false;
  if (isDev(seen) && !isDev(again)) seen.properties = seen.properties?.filter((p) => p.name !== PROP_DEVELOPMENT);
  if (again.scope === 'required') seen.scope = 'required';
}

/** Node's lookup: `a/node_modules/b` requiring `c` finds `a/node_modules/b/node_modules/c`, then up the tree. */
function resolveDependency(lock: PackageLock, fromKey: string, dep: string): string | undefined {
  let base = fromKey;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    const entry = lock.packages[candidate];
    if (entry) return entry.link && entry.resolved !== undefined ? entry.resolved : candidate;
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up === -1 ? '' : base.slice(0, up);
  }
}

/**
 * C-55: a CycloneDX 1.5 SBOM of every package package-lock.json pins (npm ci installs exactly these), dev tools
 * marked with `cdx:npm:package:development`. Built from the lockfile rather than by `npm sbom`, which refuses this
 * tree (ESBOMPROBLEMS: the GraphQL Playground plugin's peer range names @apollo/server 4, we run 5).
 */
export function buildSbom(input: SbomInput): CdxBom {
  const { lock } = input;
  const root = lock.packages[''] ?? {};
  const rootName = root.name ?? lock.name ?? 'root';
  const rootVersion = root.version ?? lock.version ?? '0.0.0';
  const rootRef = refOf(rootName, rootVersion);
  const components = new Map<string, CdxComponent>();
  const refByKey = new Map<string, string>([['', rootRef]]);
  for (const [key, entry] of installedEntries(lock)) {
    if (entry.link) continue;
    const component = componentOf(key, entry);
    refByKey.set(key, component['bom-ref']);
    const seen = components.get(component['bom-ref']);
    if (seen) mergeOccurrence(seen, component);
    else components.set(component['bom-ref'], component);
  }
  const edges = new Map<string, Set<string>>([...refByKey.values()].map((ref) => [ref, new Set<string>()]));
  for (const [key, ref] of refByKey) {
    const entry = lock.packages[key] ?? {};
    const names = new Set([
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}),
      ...(key === '' ? Object.keys(entry.devDependencies ?? {}) : []),
    ]);
    for (const dep of names) {
      const target = resolveDependency(lock, key, dep);
      const targetRef = target !== undefined ? refByKey.get(target) : undefined;
      if (targetRef && targetRef !== ref) edges.get(ref)!.add(targetRef);
    }
  }
  return {
    $schema: CYCLONEDX_SCHEMA,
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: input.serialNumber,
    version: 1,
    metadata: {
      timestamp: input.timestamp,
      tools: [{ vendor: 'raize', name: input.tool.name, version: input.tool.version }],
      component: {
        type: 'application',
        'bom-ref': rootRef,
        name: rootName,
        version: rootVersion,
        purl: npmPurl(rootName, rootVersion),
        ...(licensesOf(root.license) ? { licenses: licensesOf(root.license) } : {}),
      },
    },
    components: [...components.values()],
    dependencies: [...edges].map(([ref, deps]) => ({ ref, dependsOn: [...deps].sort() })),
  };
}
