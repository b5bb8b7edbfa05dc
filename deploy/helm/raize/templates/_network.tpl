{{/*
Egress rules of a pod (call with (dict "ctx" $ "targets" (list "postgres" …))): DNS, then each named destination of
networkPolicy.egress whose peer list is not empty. A rule with no peers is left out, never rendered without `to`,
which Kubernetes reads as "every destination".
*/}}
{{- define "raize.egressRules" -}}
{{- $np := .ctx.Values.networkPolicy -}}
- to: {{ toYaml $np.dns.to | nindent 4 }}
  ports: {{ toYaml $np.dns.ports | nindent 4 }}
{{- range (uniq .targets) }}
{{- if and (eq . "minio") (not $.ctx.Values.minio.enabled) }}{{ continue }}{{ end }}
{{- $t := index $np.egress . }}
{{- if not $t }}{{ fail (printf "networkPolicy.egress.%s: no such destination (a component's egress names one)" .) }}{{ end }}
{{- if $t.to }}
- to: {{ toYaml $t.to | nindent 4 }}
  ports: {{ toYaml $t.ports | nindent 4 }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Ingress rules of a component (call with (dict "ctx" $ "c" $component)); empty when nothing may reach it. */}}
{{- define "raize.ingressRules" -}}
{{- $np := .ctx.Values.networkPolicy -}}
{{- $c := .c -}}
{{- $scrapePort := $c.scrapePort | default $c.metricsPort -}}
{{- if and $c.exposed $np.ingressController }}
- from: {{ toYaml $np.ingressController | nindent 4 }}
  ports: [{ port: {{ $c.port }}, protocol: TCP }]
{{- end }}
{{- if $c.gatewayServer }}
# the lanes whose AI steps call their tools here
- from:
    - podSelector:
        matchLabels:
          {{- include "raize.releaseSelector" .ctx | nindent 10 }}
          raize.io/gateway-client: "true"
  ports: [{ port: {{ $c.port }}, protocol: TCP }]
{{- end }}
{{- if and $np.metricsScrapers $scrapePort }}
- from: {{ toYaml $np.metricsScrapers | nindent 4 }}
  ports: [{ port: {{ $scrapePort }}, protocol: TCP }]
{{- end }}
{{- end -}}
