import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * kubeconform's schemas, made offline (no internet here): from the Kubernetes OpenAPI v2 spec that the
 * k8s.io/kubernetes Go module ships (api/openapi-spec/swagger.json), one standalone strict JSON Schema per kind the
 * chart renders, in kubeconform's layout `<kind>-<group>-<version>.json`. Standalone: every $ref inlined.
 * Strict: an object with known properties refuses any other (a misspelt field fails instead of being ignored).
 */

export interface OpenApiSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  required?: string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: OpenApiSchema[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  [extension: string]: unknown;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface OpenApiSpec {
  definitions: Record<string, OpenApiSchema>;
}

/** A resource's type as manifests name it. */
export interface ResourceType {
  apiVersion: string;
  kind: string;
}

const REF_PREFIX = '#/definitions/';
// Types whose YAML form the spec under-describes: a Quantity is written `1` or `"500m"`, an IntOrString `8080` or `"http"`.
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING_FORMAT = 'int-or-string';

/** kubeconform's file name for a kind (its `{{ .ResourceKind }}{{ .KindSuffix }}`): group's first label, then version. */
export function schemaFileName(t: ResourceType): string {
  const [groupOrVersion, version] = t.apiVersion.split('/');
  const group = version === undefined ? '' : groupOrVersion!.split('.')[0]!;
  const suffix = version === undefined ? `-${groupOrVersion}` : `-${group}-${version}`;
  return `${t.kind}${suffix}.json`.toLowerCase();
}

function groupVersion(gvk: GroupVersionKind): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/** The definition whose x-kubernetes-group-version-kind names this type; undefined when the spec has none. */
export function findDefinition(spec: OpenApiSpec, t: ResourceType): string | undefined {
  return Object.entries(spec.definitions).find(([, d]) =>
    (d['x-kubernetes-group-version-kind'] ?? []).some((g) => g.kind === t.kind && groupVersion(g) === t.apiVersion),
  )?.[0];
}

/**
 * The definition with every reference inlined, descriptions dropped, and closed objects. A reference cycle (only CRD
 * schemas have one) is refused: a standalone schema cannot express it.
 */
export function standaloneStrict(spec: OpenApiSpec, name: string, t: ResourceType): Record<string, unknown> {
  const root = inline(spec, { $ref: REF_PREFIX + name }, []) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  root.properties.apiVersion = { type: 'string', enum: [t.apiVersion] };
  root.properties.kind = { type: 'string', enum: [t.kind] };
  root.required = [...new Set(['apiVersion', 'kind', ...(root.required ?? [])])];
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...root };
}

function inline(spec: OpenApiSpec, schema: OpenApiSchema, path: string[]): unknown {
  if (schema.$ref) {
    const name = schema.$ref.slice(REF_PREFIX.length);
    if (!schema.$ref.startsWith(REF_PREFIX) || !spec.definitions[name])
      throw new Error(`unresolvable reference ${schema.$ref}`);
    if (path.includes(name)) throw new Error(`reference cycle through ${name}: cannot inline`);
    if (name === QUANTITY) return { oneOf: [{ type: 'string' }, { type: 'number' }] };
    return inline(spec, spec.definitions[name]!, [...path, name]);
  }
  if (schema.format === INT_OR_STRING_FORMAT) return { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  const out: Record<string, unknown> = {};
  for (const key of ['type', 'format', 'enum', 'required'] as const)
    if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.items) out.items = inline(spec, schema.items, path);
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, inline(spec, v, path)]));
    // Closed unless the spec says what else may come: the strictness kubeconform's -strict relies on.
    out.additionalProperties =
      typeof schema.additionalProperties === 'object' ? inline(spec, schema.additionalProperties, path) : false;
  } else if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = inline(spec, schema.additionalProperties, path);
  }
  return out;
}

/** The distinct types of the rendered resources (multi-document YAML). */
export function resourceTypes(yamlText: string): ResourceType[] {
  const seen = new Map<string, ResourceType>();
  for (const doc of parseAllDocuments(yamlText)) {
    const value = doc.toJS() as Partial<ResourceType> | null;
    if (!value || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
    seen.set(`${value.apiVersion}/${value.kind}`, { apiVersion: value.apiVersion, kind: value.kind });
  }
  return [...seen.values()];
}

/**
 * Writes the schema of each type into `outDir` unless it is there. A type the spec does not know gets no file, so
 * kubeconform fails on it ("could not find schema") rather than passing it unchecked.
 */
export function writeSchemas(
  spec: OpenApiSpec,
  types: ResourceType[],
  outDir: string,
): { written: string[]; unknown: string[] } {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const unknown: string[] = [];
  for (const t of types) {
    const file = join(outDir, schemaFileName(t));
    if (existsSync(file)) continue;
    const name = findDefinition(spec, t);
    if (!name) {
      unknown.push(`${t.apiVersion} ${t.kind}`);
      continue;
    }
    writeFileSync(file, JSON.stringify(standaloneStrict(spec, name, t)));
    written.push(file);
  }
  return { written, unknown };
}

function main(argv: string[]): void {
  const [specPath, outDir, ...manifests] = argv;
  if (!specPath || !outDir || !manifests.length) {
    console.error('usage: kube-schemas <swagger.json> <schema dir> <rendered manifests.yaml>...');
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiSpec;
  const types = resourceTypes(manifests.map((m) => readFileSync(m, 'utf8')).join('\n---\n'));
  const { written, unknown } = writeSchemas(spec, types, outDir);
  console.log(`kube-schemas: ${types.length} kinds, ${written.length} schemas written to ${outDir}`);
  if (unknown.length) console.log(`kube-schemas: not in the Kubernetes spec: ${unknown.join(', ')}`);
}

if (require.main === module) main(process.argv.slice(2));
