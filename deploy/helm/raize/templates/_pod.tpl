{{/*
The pod of a process (call with (dict "ctx" $ "c" $component "job" false)): non-root, read-only root filesystem, no
capabilities, no Kubernetes API token in the app container, writable emptyDirs only where a process writes.
*/}}
{{- define "raize.podSpec" -}}
{{- $v := .ctx.Values -}}
{{- $c := .c -}}
{{- $csc := merge (dict "runAsUser" $v.podSecurityContext.runAsUser "runAsGroup" $v.podSecurityContext.runAsGroup "runAsNonRoot" true) $v.containerSecurityContext -}}
serviceAccountName: {{ include "raize.serviceAccount" (list .ctx $c.role) }}
# The app never calls the Kubernetes API; Vault Agent gets its own projected token (vault-token).
automountServiceAccountToken: false
{{- with $v.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml $v.podSecurityContext | nindent 2 }}
{{- if .job }}
restartPolicy: Never
{{- else }}
terminationGracePeriodSeconds: {{ default 30 $c.terminationGracePeriodSeconds }}
{{- end }}
containers:
  - name: {{ if .job }}migrate{{ else }}raize{{ end }}
    image: {{ $c.image }}
    imagePullPolicy: {{ $v.image.pullPolicy }}
    workingDir: {{ $v.image.workdir }}
    # Secret values arrive as a file rendered by Vault Agent: node loads it before the process reads its config.
    command: ["node", "--env-file=/vault/secrets/raize.env", {{ $c.script | quote }}]
    envFrom:
      - configMapRef: { name: {{ include "raize.fullname" .ctx }}-env }
    env:
      {{- range $k, $val := $c.env }}
      - { name: {{ $k }}, value: {{ $val | quote }} }
      {{- end }}
      {{- if $c.runnerIdFromPod }}
      # the runner's id and task queue follow the pod: the probe finds this runner's heartbeat by it
      - name: RAIZE_BROWSER_RUNNER_ID
        valueFrom: { fieldRef: { fieldPath: metadata.name } }
      {{- end }}
    {{- if or $c.port $c.metricsPort }}
    ports:
      {{- if $c.port }}
      - { name: http, containerPort: {{ $c.port }}, protocol: TCP }
      {{- end }}
      {{- if $c.metricsPort }}
      - { name: metrics, containerPort: {{ $c.metricsPort }}, protocol: TCP }
      {{- end }}
    {{- end }}
    {{- with $c.probes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    resources:
      {{- toYaml $c.resources | nindent 6 }}
    securityContext:
      {{- toYaml $csc | nindent 6 }}
    volumeMounts:
      - { name: tmp, mountPath: /tmp }
      - { name: data, mountPath: /var/lib/raize }
      {{- if $c.shmSize }}
      - { name: shm, mountPath: /dev/shm }
      {{- end }}
      {{- if $v.vault.tlsSecret }}
      - { name: vault-ca, mountPath: /vault/tls, readOnly: true }
      {{- end }}
volumes:
  - { name: tmp, emptyDir: { sizeLimit: 256Mi } }
  - { name: data, emptyDir: { sizeLimit: 512Mi } }
  {{- if $c.shmSize }}
  - { name: shm, emptyDir: { medium: Memory, sizeLimit: {{ $c.shmSize }} } }
  {{- end }}
  {{- if $v.vault.tlsSecret }}
  - name: vault-ca
    secret: { secretName: {{ $v.vault.tlsSecret }}, items: [{ key: ca.crt, path: ca.crt }] }
  {{- end }}
  - name: vault-token
    projected:
      sources:
        - serviceAccountToken: { path: token, audience: {{ $v.vault.tokenAudience }}, expirationSeconds: 3600 }
{{- end -}}
