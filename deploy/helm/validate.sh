#!/usr/bin/env bash
# Renders the Raize chart (deploy/helm/raize) with its default values and with a production-like values file,
# validates every resource with kubeconform -strict against schemas made offline from the Kubernetes OpenAPI spec,
# proves kubeconform rejects broken manifests, and checks the structural facts of check-manifests.ts. Needs the
# build (dist/deploy/helm/*.js) and Go (helm, kubeconform and the spec come from the Go module proxy, cached).
# docs/helm.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"

# One Kubernetes version for both: helm renders for it (a go-installed helm assumes v1.20 otherwise) and the schemas
# come from its OpenAPI spec.
KUBE_VERSION="${RAIZE_KUBE_VERSION:-1.34.4}"
BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
CHART=deploy/helm/raize
log() { printf '[helm] %s\n' "$*"; }

bash deploy/tools/build-helm.sh
HELM="${RAIZE_HELM_BIN:-$BIN_DIR/helm}"
KUBECONFORM="${RAIZE_KUBECONFORM_BIN:-$BIN_DIR/kubeconform}"

for js in kube-schemas check-manifests broken-manifests runner-heartbeat.probe; do
  if [[ ! -f "dist/deploy/helm/$js.js" ]]; then
    log "building (dist/deploy/helm/$js.js is missing)"
    npx tsc -p tsconfig.build.json
    break
  fi
done

# The spec ships in the k8s.io/kubernetes module (api/openapi-spec/swagger.json); the Go module cache keeps it.
spec_dir="$(go mod download -json "k8s.io/kubernetes@v$KUBE_VERSION" |
  node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')"
spec="$spec_dir/api/openapi-spec/swagger.json"
[[ -f "$spec" ]] || { log "no OpenAPI spec at $spec"; exit 1; }
# Keyed by the converter's own hash too: a changed converter never reuses schemas the old one wrote.
converter_hash="$(sha256sum dist/deploy/helm/kube-schemas.js | cut -c1-12)"
schemas="$BIN_DIR/kube-schemas/v$KUBE_VERSION-$converter_hash"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

declare -A value_sets=([default]="" [production]="$CHART/values-production.yaml")
rendered=()
for name in default production; do
  args=()
  [[ -n "${value_sets[$name]}" ]] && args=(-f "${value_sets[$name]}")
  "$HELM" lint --strict --kube-version "$KUBE_VERSION" "$CHART" "${args[@]}" --quiet >"$work/lint-$name.log" 2>&1 ||
    { cat "$work/lint-$name.log"; log "helm lint failed ($name values)"; exit 1; }
  "$HELM" template raize "$CHART" --namespace raize --kube-version "$KUBE_VERSION" "${args[@]}" >"$work/$name.yaml"
  rendered+=("$work/$name.yaml")
done

node dist/deploy/helm/kube-schemas.js "$spec" "$schemas" "${rendered[@]}"
location="$schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json"

failed=0
for file in "${rendered[@]}"; do
  name="$(basename "$file" .yaml)"
  if out="$("$KUBECONFORM" -strict -summary -schema-location "$location" "$file" 2>&1)"; then
    log "kubeconform ($name values): ${out##*$'\n'}"
  else
    printf '%s\n' "$out"; log "kubeconform ($name values): INVALID"; failed=1
  fi
done

# Each variant holds one fault in the chart's own Deployment: every one must be refused.
mapfile -t broken < <(node dist/deploy/helm/broken-manifests.js "$work/default.yaml" "$work/broken")
refused=0
for file in "${broken[@]}"; do
  if "$KUBECONFORM" -strict -schema-location "$location" "$file" >"$work/broken.log" 2>&1; then
    log "kubeconform ACCEPTED a broken manifest: $(basename "$file" .yaml)"; failed=1
  else
    refused=$((refused + 1))
  fi
done
log "kubeconform refused $refused of ${#broken[@]} broken manifests ($(for f in "${broken[@]}"; do basename "$f" .yaml; done | paste -sd, -))"

node dist/deploy/helm/check-manifests.js "${rendered[@]}" || failed=1

# The platform chart (raize + the official charts) needs `helm dependency build`, which needs their repositories.
log "not rendered here: deploy/helm/raize-platform (its dependencies are fetched from the charts' repositories)"
exit "$failed"
