import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/**
 * The facts about the rendered chart that a schema cannot check (docs/helm.md): every process has probes, runs
 * non-root on a read-only root filesystem without capabilities, is selected by the default-deny policy and by a
 * policy of its own, gets its secret values from Vault rather than from the manifest, and no network rule is open to
 * everyone. Each finding names the resource; an empty list means the manifests pass.
 */

type Obj = Record<string, unknown>;

interface Resource {
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Obj;
  data?: Obj;
  stringData?: Obj;
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    securityContext?: Obj;
    automountServiceAccountToken?: boolean;
    containers: Container[];
  };
}

interface Container {
  name: string;
  command?: string[];
  env?: { name: string; value?: string }[];
  readinessProbe?: Obj;
  livenessProbe?: Obj;
  securityContext?: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
}

interface PolicyRule {
  to?: unknown[];
  from?: unknown[];
}

/** Variables that hold key material or credentials: only Vault Agent's file may carry them. */
const SECRET_VARIABLE = /(TOKEN|PASSWORD|SECRET|SECRET_KEY|MASTER_KEY|PREVIOUS)$|^DATABASE_[A-Z_]*URL$/;

export function parseManifests(text: string): Resource[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Resource | null)
    .filter((r): r is Resource => !!r && typeof r.kind === 'string');
}

function podTemplate(r: Resource): PodTemplate | undefined {
  if (r.kind === 'Deployment' || r.kind === 'Job') return (r.spec as { template?: PodTemplate })?.template;
  return undefined;
}

/** A policy selects a pod when its matchLabels are a subset of the pod's labels (the chart uses no expressions). */
function selects(policy: Resource, labels: Record<string, string>): boolean {
  const selector = (
    policy.spec as { podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } }
  )?.podSelector;
  if (!selector || selector.matchExpressions?.length) return false;
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

function isDefaultDeny(policy: Resource): boolean {
  const spec = policy.spec as { policyTypes?: string[]; ingress?: unknown[]; egress?: unknown[] };
  return (
    ['Ingress', 'Egress'].every((t) => spec.policyTypes?.includes(t)) && !spec.ingress?.length && !spec.egress?.length
  );
}

function checkPod(r: Resource, pod: PodTemplate, policies: Resource[], findings: string[]): void {
  const where = `${r.kind} ${r.metadata.name}`;
  const podSc = pod.spec.securityContext ?? {};
  const labels = pod.metadata?.labels ?? {};
  if (pod.metadata?.annotations?.['vault.hashicorp.com/agent-inject'] !== 'true')
    findings.push(`${where}: no Vault Agent injection (its secret values would have no source)`);
  if (pod.spec.automountServiceAccountToken !== false)
    findings.push(`${where}: the Kubernetes API token is mounted into the app container`);
  for (const c of pod.spec.containers) {
    const at = `${where} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (r.kind === 'Deployment' && (!c.readinessProbe || !c.livenessProbe))
      findings.push(`${at}: needs a readiness and a liveness probe`);
    if (sc.runAsNonRoot !== true && podSc.runAsNonRoot !== true) findings.push(`${at}: runAsNonRoot is not set`);
    if (sc.readOnlyRootFilesystem !== true) findings.push(`${at}: the root filesystem is writable`);
    if (sc.allowPrivilegeEscalation !== false) findings.push(`${at}: privilege escalation is allowed`);
    if (!sc.capabilities?.drop?.includes('ALL') || sc.capabilities.add?.length)
      findings.push(`${at}: capabilities are not all dropped`);
    if (!c.command?.includes('--env-file=/vault/secrets/raize.env'))
      findings.push(`${at}: does not load the Vault-rendered environment`);
    for (const e of c.env ?? [])
      if (SECRET_VARIABLE.test(e.name) && e.value !== undefined)
        findings.push(`${at}: ${e.name} has a literal value in the manifest (it belongs in Vault)`);
  }
  const selecting = policies.filter((p) => selects(p, labels));
  if (!selecting.some(isDefaultDeny)) findings.push(`${where}: no default-deny NetworkPolicy selects its pods`);
  if (!selecting.some((p) => !isDefaultDeny(p)))
    findings.push(`${where}: no NetworkPolicy of its own selects its pods`);
}

function checkPolicy(p: Resource, findings: string[]): void {
  const spec = p.spec as { egress?: PolicyRule[]; ingress?: PolicyRule[] };
  for (const rule of spec.egress ?? [])
    if (!rule.to?.length) findings.push(`NetworkPolicy ${p.metadata.name}: an egress rule allows every destination`);
  for (const rule of spec.ingress ?? [])
    if (!rule.from?.length) findings.push(`NetworkPolicy ${p.metadata.name}: an ingress rule allows every source`);
}

export function checkManifests(resources: Resource[]): string[] {
  const findings: string[] = [];
  const policies = resources.filter((r) => r.kind === 'NetworkPolicy');
  const deployments = new Set(resources.filter((r) => r.kind === 'Deployment').map((r) => r.metadata.name));
  if (!deployments.size) findings.push('no Deployment rendered');
  for (const r of resources) {
    const pod = podTemplate(r);
    if (pod) checkPod(r, pod, policies, findings);
    if (r.kind === 'NetworkPolicy') checkPolicy(r, findings);
    if (r.kind === 'Secret' && (r.data || r.stringData))
      findings.push(`Secret ${r.metadata.name}: carries data (secret values come from Vault)`);
    if (r.kind === 'ConfigMap')
      for (const key of Object.keys(r.data ?? {}))
        if (SECRET_VARIABLE.test(key)) findings.push(`ConfigMap ${r.metadata.name}: ${key} (it belongs in Vault)`);
    if (r.kind === 'HorizontalPodAutoscaler') {
      const target = (r.spec as { scaleTargetRef?: { kind?: string; name?: string } }).scaleTargetRef;
      if (target?.kind !== 'Deployment' || !deployments.has(target.name ?? ''))
        findings.push(`HorizontalPodAutoscaler ${r.metadata.name}: scales no Deployment of the release`);
    }
  }
  return findings;
}

/** Counts per kind, for the CI log. */
export function summarize(resources: Resource[]): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}

function main(files: string[]): number {
  if (!files.length) {
    console.error('usage: check-manifests <rendered.yaml>...');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const resources = parseManifests(readFileSync(file, 'utf8'));
    const findings = checkManifests(resources);
    console.log(`check-manifests: ${file}: ${summarize(resources)}; ${findings.length} finding(s)`);
    for (const f of findings) console.log(`  - ${f}`);
    failed += findings.length;
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
