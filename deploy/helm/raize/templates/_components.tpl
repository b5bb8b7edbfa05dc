{{/*
Every long-running process of the release, one entry each: the Deployment, Service, PDB, HPA and NetworkPolicy
templates range over this list, so a component is described once. `role` names its ServiceAccount, its Vault role
and its Vault runtime secret (the lanes share the worker's). Probes use what each process serves:
  api      /health (checks Postgres and Temporal) for readiness; its port for liveness, so an outage of either
           does not restart every replica
  ingest   /healthz       gateway  /healthz
  worker   its metrics port (RAIZE_METRICS_PORT), listening from start-up; the worker serves no health endpoint
  browser  its heartbeat row, the same test the publish router uses to call a runner alive (runner-heartbeat.probe.ts)
*/}}
{{- define "raize.components" -}}
{{- $v := .Values -}}
{{- $main := include "raize.image" (list $v.image .Chart) -}}
components:
  - name: api
    role: api
    script: dist/services/api/main.js
    image: {{ $main }}
    replicas: {{ $v.api.replicas }}
    port: {{ $v.api.port }}
    exposed: true
    # the API serves /metrics on its own port (docs/metrics.md)
    scrapePort: {{ $v.api.port }}
    resources: {{ toJson $v.api.resources }}
    pdb: {{ toJson $v.api.pdb }}
    egress: {{ toJson (concat $v.coreEgress $v.api.egress) }}
    env:
      API_HOST: 0.0.0.0
      API_PORT: {{ $v.api.port | quote }}
      OTEL_SERVICE_NAME: raize-api
      RAIZE_GATEWAY_PUBLIC_URL: {{ $v.config.gatewayPublicUrl | quote }}
      RAIZE_TRUST_PROXY: {{ $v.config.trustProxy | quote }}
      {{- range $k, $val := $v.api.extraEnv }}
      {{ $k }}: {{ $val | quote }}
      {{- end }}
    probes:
      startupProbe: { httpGet: { path: /health, port: http }, periodSeconds: 5, failureThreshold: 36, timeoutSeconds: 5 }
      readinessProbe: { httpGet: { path: /health, port: http }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 }
      livenessProbe: { tcpSocket: { port: http }, periodSeconds: 20, failureThreshold: 3, timeoutSeconds: 5 }
  - name: ingest
    role: ingest
    script: dist/services/ingest/main.js
    image: {{ $main }}
    replicas: {{ $v.ingest.replicas }}
    port: {{ $v.ingest.port }}
    exposed: true
    resources: {{ toJson $v.ingest.resources }}
    pdb: {{ toJson $v.ingest.pdb }}
    egress: {{ toJson (concat $v.coreEgress $v.ingest.egress) }}
    env:
      RAIZE_INGEST_HOST: 0.0.0.0
      RAIZE_INGEST_PORT: {{ $v.ingest.port | quote }}
      OTEL_SERVICE_NAME: raize-ingest
      {{- with $v.ingest.trustedProxies }}
      RAIZE_INGEST_TRUSTED_PROXIES: {{ join "," . | quote }}
      {{- end }}
      {{- range $k, $val := $v.ingest.extraEnv }}
      {{ $k }}: {{ $val | quote }}
      {{- end }}
    probes:
      startupProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 5, failureThreshold: 36, timeoutSeconds: 5 }
      readinessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 }
      livenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 20, failureThreshold: 3, timeoutSeconds: 5 }
  - name: gateway
    role: gateway
    script: dist/services/gateway/main.js
    image: {{ $main }}
    replicas: {{ $v.gateway.replicas }}
    port: {{ $v.gateway.port }}
    exposed: true
    gatewayServer: true
    resources: {{ toJson $v.gateway.resources }}
    pdb: {{ toJson $v.gateway.pdb }}
    egress: {{ toJson (concat $v.coreEgress $v.gateway.egress) }}
    env:
      RAIZE_GATEWAY_HOST: 0.0.0.0
      RAIZE_GATEWAY_PORT: {{ $v.gateway.port | quote }}
      OTEL_SERVICE_NAME: raize-gateway
      {{- range $k, $val := $v.gateway.extraEnv }}
      {{ $k }}: {{ $val | quote }}
      {{- end }}
    probes:
      startupProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 5, failureThreshold: 36, timeoutSeconds: 5 }
      readinessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 }
      livenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 20, failureThreshold: 3, timeoutSeconds: 5 }
{{- if $v.browser.enabled }}
  - name: browser
    role: browser
    script: dist/services/browser/main.js
    image: {{ if $v.browser.image.repository }}{{ include "raize.image" (list $v.browser.image .Chart) }}{{ else }}{{ $main }}{{ end }}
    replicas: {{ $v.browser.replicas }}
    port: 0
    resources: {{ toJson $v.browser.resources }}
    pdb: {{ toJson $v.browser.pdb }}
    egress: {{ toJson (concat $v.coreEgress $v.browser.egress) }}
    terminationGracePeriodSeconds: {{ $v.browser.terminationGracePeriodSeconds }}
    shmSize: {{ $v.browser.shmSize | quote }}
    runnerIdFromPod: true
    env:
      OTEL_SERVICE_NAME: raize-browser
      {{- with $v.browser.platforms }}
      RAIZE_BROWSER_PLATFORMS: {{ join "," . | quote }}
      {{- end }}
      RAIZE_BROWSER_SLOTS: {{ $v.browser.slots | quote }}
      {{- range $k, $val := $v.browser.extraEnv }}
      {{ $k }}: {{ $val | quote }}
      {{- end }}
    {{- $probe := list "node" "--env-file=/vault/secrets/raize.env" "dist/deploy/helm/runner-heartbeat.probe.js" }}
    probes:
      startupProbe: { exec: { command: {{ toJson $probe }} }, periodSeconds: 10, failureThreshold: 30, timeoutSeconds: 10 }
      readinessProbe: { exec: { command: {{ toJson $probe }} }, periodSeconds: 15, failureThreshold: 2, timeoutSeconds: 10 }
      livenessProbe: { exec: { command: {{ toJson $probe }} }, periodSeconds: 30, failureThreshold: 3, timeoutSeconds: 10 }
{{- end }}
{{- range $lane, $w := $v.workers.lanes }}
  - name: worker-{{ $lane }}
    role: worker
    lane: {{ $lane }}
    script: dist/services/worker/main.js
    image: {{ $main }}
    replicas: {{ $w.replicas }}
    port: 0
    metricsPort: {{ $v.workers.metricsPort }}
    gatewayClient: {{ $w.gateway }}
    taskQueue: {{ required (printf "temporal.taskQueues.%s is required" $lane) (index $v.temporal.taskQueues $lane) }}
    autoscaling: {{ toJson $w.autoscaling }}
    resources: {{ toJson $w.resources }}
    pdb: {{ toJson $w.pdb }}
    egress: {{ toJson (concat $v.coreEgress $w.egress) }}
    terminationGracePeriodSeconds: {{ $v.workers.terminationGracePeriodSeconds }}
    env:
      RAIZE_LANES: {{ $lane }}
      RAIZE_METRICS_HOST: 0.0.0.0
      RAIZE_METRICS_PORT: {{ $v.workers.metricsPort | quote }}
      OTEL_SERVICE_NAME: raize-worker-{{ $lane }}
      {{- if $w.gateway }}
      RAIZE_GATEWAY_URL: {{ include "raize.gatewayUrl" $ }}
      {{- end }}
      {{- with $v.workers.workflowBundle }}
      RAIZE_WORKFLOW_BUNDLE: {{ . | quote }}
      {{- end }}
    probes:
      startupProbe: { tcpSocket: { port: metrics }, periodSeconds: 5, failureThreshold: 60, timeoutSeconds: 3 }
      readinessProbe: { tcpSocket: { port: metrics }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 3 }
      livenessProbe: { tcpSocket: { port: metrics }, periodSeconds: 20, failureThreshold: 3, timeoutSeconds: 3 }
{{- end }}
{{- end -}}
