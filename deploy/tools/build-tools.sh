#!/usr/bin/env bash
# Builds the server binaries Raize needs (Temporal CLI, OPA) from the Go module proxy into a cache
# outside the repo. Idempotent: a binary already in the cache, on PATH, or named by an environment
# variable is used as it is. Nothing is downloaded except Go modules.
set -euo pipefail

TEMPORAL_VERSION="v1.5.1"   # newer tags carry a replace directive that `go install` refuses
OPA_VERSION="v1.22.2"

BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
mkdir -p "$BIN_DIR"
export PATH="$PATH:/usr/local/go/bin"
export GOBIN="$BIN_DIR"
export CGO_ENABLED="${CGO_ENABLED:-0}"

log() { printf '[tools] %s\n' "$*" >&2; }

# ensure_tool NAME ENV_VAR MODULE VERSION
ensure_tool() {
  local name="$1" env_var="$2" module="$3" version="$4"
  local from_env="${!env_var:-}"
  if [[ -n "$from_env" ]]; then
    if [[ -x "$from_env" ]]; then log "$name: using $from_env (from \$$env_var)"; return 0; fi
    log "$name: \$$env_var=$from_env is not an executable file"; return 1
  fi
  if [[ -x "$BIN_DIR/$name" ]]; then log "$name: cached at $BIN_DIR/$name"; return 0; fi
  local on_path
  if on_path="$(command -v "$name" 2>/dev/null)"; then
    log "$name: using $on_path (on PATH)"; ln -sf "$on_path" "$BIN_DIR/$name"; return 0
  fi
  if ! command -v go >/dev/null; then log "$name: go is not installed (expected /usr/local/go/bin/go)"; return 1; fi
  log "$name: building $module@$version into $BIN_DIR (cold builds take minutes) ..."
  local start end
  start=$(date +%s)
  go install "$module@$version"
  end=$(date +%s)
  log "$name: built in $((end - start))s"
  echo "$name $version $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
}

want="${1:-all}"
# The two cold builds run side by side: on 2 cores that is ~8.5 min instead of ~14.
pids=()
if [[ "$want" == all || "$want" == temporal ]]; then
  ensure_tool temporal RAIZE_TEMPORAL_BIN github.com/temporalio/cli/cmd/temporal "$TEMPORAL_VERSION" & pids+=($!)
fi
if [[ "$want" == all || "$want" == opa ]]; then
  ensure_tool opa RAIZE_OPA_BIN github.com/open-policy-agent/opa "$OPA_VERSION" & pids+=($!)
fi
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
if [[ $status -ne 0 ]]; then log "a tool build failed (see above)"; exit 1; fi
log "tools ready in $BIN_DIR"
