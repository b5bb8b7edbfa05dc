#!/usr/bin/env bash
# Builds helm and kubeconform (the chart's render + schema check, docs/helm.md) from the Go module proxy into a cache
# outside the repo. Same rules as build-tools.sh: idempotent, a binary already in the cache, on PATH, or named by
# $RAIZE_HELM_BIN / $RAIZE_KUBECONFORM_BIN is used as it is; nothing is downloaded except Go modules. Cold: minutes.
set -euo pipefail

HELM_MODULE="helm.sh/helm/v3/cmd/helm"
HELM_VERSION="${RAIZE_HELM_VERSION:-v3.22.0}"
KUBECONFORM_MODULE="github.com/yannh/kubeconform/cmd/kubeconform"
KUBECONFORM_VERSION="${RAIZE_KUBECONFORM_VERSION:-v0.8.0}"

BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
export PATH="$PATH:/usr/local/go/bin"
export CGO_ENABLED="${CGO_ENABLED:-0}"

log() { printf '[helm] %s\n' "$*" >&2; }

# build NAME MODULE VERSION OVERRIDE_VALUE
build() {
  local name="$1" module="$2" version="$3" override="$4"
  if [[ -n "$override" ]]; then
    if [[ -x "$override" ]]; then log "using $override for $name (from the environment)"; return 0; fi
    log "$override (named for $name) is not an executable file"; return 1
  fi
  if [[ -x "$BIN_DIR/$name" ]]; then log "cached at $BIN_DIR/$name"; return 0; fi
  local on_path
  if on_path="$(command -v "$name" 2>/dev/null)"; then
    log "using $on_path (on PATH)"; ln -sf "$on_path" "$BIN_DIR/$name"; return 0
  fi
  if ! command -v go >/dev/null; then log "go is not installed (expected /usr/local/go/bin/go)"; return 1; fi
  log "building $module@$version into $BIN_DIR ..."
  local start end tmp
  start=$(date +%s)
  # Into a temporary GOBIN first: an interrupted build never leaves a half-written binary where the cache check looks.
  tmp="$(mktemp -d)"
  GOBIN="$tmp" go install "$module@$version" || { rm -rf "$tmp"; return 1; }
  mv "$tmp/$name" "$BIN_DIR/$name"
  rm -rf "$tmp"
  end=$(date +%s)
  log "$name built in $((end - start))s"
  echo "$name $version $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
}

mkdir -p "$BIN_DIR"
build helm "$HELM_MODULE" "$HELM_VERSION" "${RAIZE_HELM_BIN:-}"
build kubeconform "$KUBECONFORM_MODULE" "$KUBECONFORM_VERSION" "${RAIZE_KUBECONFORM_BIN:-}"
