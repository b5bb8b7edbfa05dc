import { stringify } from 'yaml';
import { checkManifests, parseManifests, summarize } from './check-manifests';

/** One process's release, as the parts the checks look at; each case below breaks one thing. */
interface Fixture {
  pod: {
    labels: Record<string, string>;
    annotations: Record<string, string>;
    automountServiceAccountToken?: boolean;
    runAsNonRoot?: boolean;
    container: {
      command: string[];
      env: { name: string; value: string }[];
      readinessProbe?: object;
      livenessProbe?: object;
      securityContext: {
        readOnlyRootFilesystem: boolean;
        allowPrivilegeEscalation?: boolean;
        capabilities: { drop: string[]; add?: string[] };
      };
    };
  };
  defaultDeny: boolean;
  own: { matchLabels: Record<string, string>; from: object[]; egress: { to?: object[]; ports: object[] } };
  extra: object[];
}

const LABELS = { 'app.kubernetes.io/instance': 'r', 'app.kubernetes.io/component': 'api' };

function fixture(): Fixture {
  return {
    pod: {
      labels: { ...LABELS },
      annotations: { 'vault.hashicorp.com/agent-inject': 'true' },
      automountServiceAccountToken: false,
      runAsNonRoot: true,
      container: {
        command: ['node', '--env-file=/vault/secrets/raize.env', 'dist/services/api/main.js'],
        env: [{ name: 'API_PORT', value: '4000' }],
        readinessProbe: { httpGet: { path: '/health', port: 'http' } },
        livenessProbe: { tcpSocket: { port: 'http' } },
        securityContext: {
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        },
      },
    },
    defaultDeny: true,
    own: {
      matchLabels: { ...LABELS },
      from: [{ podSelector: { matchLabels: { app: 'ingress' } } }],
      egress: { to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ port: 5432 }] },
    },
    extra: [],
  };
}

function yamlOf(f: Fixture): string {
  const { container, ...pod } = f.pod;
  const docs: object[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'r-api' },
      spec: {
        selector: { matchLabels: { ...LABELS } },
        template: {
          metadata: { labels: pod.labels, annotations: pod.annotations },
          spec: {
            automountServiceAccountToken: pod.automountServiceAccountToken,
            securityContext: { runAsNonRoot: pod.runAsNonRoot },
            containers: [{ name: 'raize', ...container }],
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'r-api' },
      spec: {
        podSelector: { matchLabels: f.own.matchLabels },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: f.own.from }],
        egress: [f.own.egress],
      },
    },
    ...f.extra,
  ];
  if (f.defaultDeny)
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'r-default-deny' },
      spec: { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'r' } }, policyTypes: ['Ingress', 'Egress'] },
    });
  return docs.map((d) => stringify(d)).join('---\n');
}

function findings(edit: (f: Fixture) => void): string[] {
  const f = fixture();
  edit(f);
  return checkManifests(parseManifests(yamlOf(f)));
}

describe('check-manifests', () => {
  it('passes a release that meets every rule', () => {
    expect(findings(() => undefined)).toEqual([]);
  });

  it.each<[string, (f: Fixture) => void, RegExp]>([
    ['a missing liveness probe', (f) => delete f.pod.container.livenessProbe, /needs a readiness and a liveness probe/],
    [
      'a missing readiness probe',
      (f) => delete f.pod.container.readinessProbe,
      /needs a readiness and a liveness probe/,
    ],
    ['root allowed', (f) => delete f.pod.runAsNonRoot, /runAsNonRoot is not set/],
    [
      'a writable root filesystem',
      (f) => (f.pod.container.securityContext.readOnlyRootFilesystem = false),
      /root filesystem is writable/,
    ],
    [
      'privilege escalation',
      (f) => delete f.pod.container.securityContext.allowPrivilegeEscalation,
      /privilege escalation is allowed/,
    ],
    [
      'an added capability',
      (f) => (f.pod.container.securityContext.capabilities.add = ['NET_ADMIN']),
      /capabilities are not all dropped/,
    ],
    ['no default-deny policy', (f) => (f.defaultDeny = false), /no default-deny NetworkPolicy selects its pods/],
    [
      'no policy of its own',
      (f) => (f.own.matchLabels['app.kubernetes.io/component'] = 'ingest'),
      /no NetworkPolicy of its own selects its pods/,
    ],
    ['an egress rule open to everyone', (f) => delete f.own.egress.to, /egress rule allows every destination/],
    ['an ingress rule open to everyone', (f) => (f.own.from = []), /ingress rule allows every source/],
    ['no Vault Agent', (f) => (f.pod.annotations = {}), /no Vault Agent injection/],
    ['the API token mounted', (f) => delete f.pod.automountServiceAccountToken, /Kubernetes API token is mounted/],
    [
      'an HPA scaling something else',
      (f) =>
        f.extra.push({
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'r-worker' },
          spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'r-elsewhere' } },
        }),
      /scales no Deployment of the release/,
    ],
  ])('finds %s', (_what, edit, message) => {
    const found = findings(edit);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  // Secret values live in Vault, never in what the chart renders (C-11).
  it.each<[string, (f: Fixture) => void, RegExp]>([
    [
      'a Secret with data',
      (f) => f.extra.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'keys' }, data: { k: 'dg==' } }),
      /Secret keys: carries data/,
    ],
    [
      'a literal secret in the environment',
      (f) => f.pod.container.env.push({ name: 'DATABASE_APP_URL', value: 'postgres://raize_app:pw@db/raize' }),
      /DATABASE_APP_URL has a literal value/,
    ],
    [
      'a secret in the shared ConfigMap',
      (f) =>
        f.extra.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'env' }, data: { VAULT_TOKEN: 'x' } }),
      /ConfigMap env: VAULT_TOKEN/,
    ],
  ])('[C-11] finds %s', (_what, edit, message) => {
    const found = findings(edit);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('counts the rendered resources per kind', () => {
    expect(summarize(parseManifests(yamlOf(fixture())))).toBe('1 Deployment, 2 NetworkPolicy');
  });
});
