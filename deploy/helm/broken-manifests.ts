import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseManifests } from './check-manifests';

/**
 * The proof that kubeconform validates with the offline schemas rather than waving manifests through: the chart's
 * own first Deployment, each time with one fault a schema must catch. validate.sh fails unless kubeconform rejects
 * every one of them.
 */
type Deployment = {
  kind: string;
  spec: { replicas?: unknown; template: { spec: { containers: Record<string, unknown>[] } } } & Record<string, unknown>;
};

export const FAULTS: Record<string, (d: Deployment) => void> = {
  // a misspelt field: only a closed (strict) schema notices
  'misspelt-field': (d) => {
    d.spec.replica = 2;
  },
  'wrong-type': (d) => {
    d.spec.replicas = 'two';
  },
  // a misspelt field deep inside the pod template, where inlined references must have reached
  'misspelt-nested-field': (d) => {
    d.spec.template.spec.containers[0]!.imagePullPolice = 'Always';
  },
  'missing-required-field': (d) => {
    delete d.spec.template.spec.containers[0]!.name;
  },
};

/** One file per fault, each holding the Deployment with that fault alone. */
export function writeBrokenVariants(renderedYaml: string, outDir: string): string[] {
  const deployment = parseManifests(renderedYaml).find((r) => r.kind === 'Deployment');
  if (!deployment) throw new Error('no Deployment in the rendered manifests');
  mkdirSync(outDir, { recursive: true });
  return Object.entries(FAULTS).map(([name, fault]) => {
    const copy = structuredClone(deployment) as unknown as Deployment;
    fault(copy);
    const file = join(outDir, `${name}.yaml`);
    writeFileSync(file, stringify(copy));
    return file;
  });
}

if (require.main === module) {
  const [rendered, outDir] = process.argv.slice(2);
  if (!rendered || !outDir) {
    console.error('usage: broken-manifests <rendered.yaml> <out dir>');
    process.exit(2);
  }
  for (const file of writeBrokenVariants(readFileSync(rendered, 'utf8'), outDir)) console.log(file);
}
