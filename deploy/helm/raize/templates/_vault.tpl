{{/*
Vault Agent injector annotations for a pod of role `role` (call with (dict "ctx" $ "role" "api" "job" false)).
The agent logs in with a projected ServiceAccount token (volume vault-token, audience vault.tokenAudience) that only
the agent mounts, and renders /vault/secrets/raize.env: the agent's own token as VAULT_TOKEN, then every key of the
`common` runtime secret and of the role's, one KEY='value' line each, which node reads with --env-file.
A Job gets only the init container (pre-populate-only): a running sidecar would keep it from completing.
*/}}
{{- define "raize.vaultAnnotations" -}}
{{- $v := .ctx.Values.vault -}}
{{- $base := printf "%s/data/%s" $v.kvMount $v.runtime -}}
{{- $tpl := list "{{ with secret \"auth/token/lookup-self\" }}VAULT_TOKEN='{{ .Data.id }}'\n{{ end }}" -}}
{{- range (list "common" .role) -}}
{{- $tpl = append $tpl (printf "{{ with secret %q }}{{ range $k, $v := .Data.data }}{{ $k }}='{{ $v }}'\n{{ end }}{{ end }}" (printf "%s/%s" $base .)) -}}
{{- end -}}
{{- $a := dict
  "vault.hashicorp.com/agent-inject" "true"
  "vault.hashicorp.com/service" $v.address
  "vault.hashicorp.com/auth-path" $v.authPath
  "vault.hashicorp.com/role" (printf "%s-%s" $v.rolePrefix .role)
  "vault.hashicorp.com/agent-service-account-token-volume-name" "vault-token"
  "vault.hashicorp.com/agent-run-as-same-user" "true"
  "vault.hashicorp.com/agent-inject-secret-raize.env" (printf "%s/%s" $base .role)
  "vault.hashicorp.com/agent-inject-perms-raize.env" "0400"
  "vault.hashicorp.com/agent-inject-template-raize.env" (join "" $tpl)
  "vault.hashicorp.com/agent-requests-cpu" $v.agentResources.requests.cpu
  "vault.hashicorp.com/agent-requests-mem" $v.agentResources.requests.memory
  "vault.hashicorp.com/agent-limits-cpu" $v.agentResources.limits.cpu
  "vault.hashicorp.com/agent-limits-mem" $v.agentResources.limits.memory
-}}
{{- if .job }}{{ $_ := set $a "vault.hashicorp.com/agent-pre-populate-only" "true" }}{{ end -}}
{{- if $v.tlsSecret }}
{{- $_ := set $a "vault.hashicorp.com/tls-secret" $v.tlsSecret -}}
{{- $_ := set $a "vault.hashicorp.com/ca-cert" "/vault/tls/ca.crt" -}}
{{- end -}}
{{- toYaml $a -}}
{{- end -}}
