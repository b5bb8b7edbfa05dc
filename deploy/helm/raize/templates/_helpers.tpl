{{/* Names and labels. */}}
{{- define "raize.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "raize.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "raize.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "raize.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The release's pods: what the default-deny policy selects. */}}
{{- define "raize.releaseSelector" -}}
app.kubernetes.io/name: {{ include "raize.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* One component's pods. Call with (list $ $component.name). */}}
{{- define "raize.selector" -}}
{{ include "raize.releaseSelector" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "raize.labels" -}}
{{ include "raize.selector" . }}
app.kubernetes.io/part-of: raize
app.kubernetes.io/managed-by: {{ (index . 0).Release.Service }}
app.kubernetes.io/version: {{ (index . 0).Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" (index . 0).Chart.Name (index . 0).Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "raize.image" -}}
{{- $img := index . 0 -}}{{- $chart := index . 1 -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $img.repository $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $img.repository (default $chart.AppVersion $img.tag) -}}
{{- end -}}
{{- end -}}

{{/* The ServiceAccount (and Vault role, and Vault runtime secret) of a role name. */}}
{{- define "raize.serviceAccount" -}}
{{- printf "%s-%s" (include "raize.fullname" (index . 0)) (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The gateway's in-cluster MCP endpoint, for the lanes whose AI steps call it. */}}
{{- define "raize.gatewayUrl" -}}
{{- printf "http://%s-gateway:%v/mcp" (include "raize.fullname" .) .Values.gateway.port -}}
{{- end -}}
