#!/usr/bin/env bash
# Builds the Temporal server (not the dev server: the production binary whose frontend, history, matching and
# worker services run as separate processes) and its SQL schema tool from the Go module proxy into a cache outside
# the repo, for the cluster topology (`npm run stack -- --cluster`, docs/cluster.md). Same rules as
# build-tools.sh: idempotent, a binary already in the cache or named by $RAIZE_TEMPORAL_SERVER_BIN /
# $RAIZE_TEMPORAL_SQL_TOOL_BIN is used as it is; nothing is downloaded except Go modules. Cold: many minutes.
set -euo pipefail

# The version the Temporal CLI v1.5.1 embeds (its go.mod): the dev server the tests use and the cluster agree.
# v1.30+ ask for Go 1.26.10, newer than this machine's toolchain.
SERVER_MODULE="go.temporal.io/server"
SERVER_VERSION="${RAIZE_TEMPORAL_SERVER_VERSION:-v1.29.1}"

BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
export PATH="$PATH:/usr/local/go/bin"
export CGO_ENABLED="${CGO_ENABLED:-0}"

log() { printf '[temporal-server] %s\n' "$*" >&2; }

check_env() {
  local var="$1" value="${!1:-}"
  [[ -z "$value" ]] && return 1
  if [[ -x "$value" ]]; then log "using $value (from \$$var)"; return 0; fi
  log "\$$var=$value is not an executable file"; exit 1
}
server_ready=0; tool_ready=0
check_env RAIZE_TEMPORAL_SERVER_BIN && server_ready=1
check_env RAIZE_TEMPORAL_SQL_TOOL_BIN && tool_ready=1
mkdir -p "$BIN_DIR"
[[ -x "$BIN_DIR/temporal-server" ]] && server_ready=1
[[ -x "$BIN_DIR/temporal-sql-tool" ]] && tool_ready=1
if [[ $server_ready -eq 1 && $tool_ready -eq 1 ]]; then log "cached in $BIN_DIR"; exit 0; fi
if ! command -v go >/dev/null; then log "go is not installed (expected /usr/local/go/bin/go)"; exit 1; fi

log "building $SERVER_MODULE@$SERVER_VERSION (server + sql tool) into $BIN_DIR (cold builds take many minutes) ..."
start=$(date +%s)
# Into a temporary GOBIN first: an interrupted build never leaves a half-written binary where the cache check looks.
# One `go install` for both: same module version, one dependency resolution, one build cache.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" go install "$SERVER_MODULE/cmd/server@$SERVER_VERSION" "$SERVER_MODULE/cmd/tools/sql@$SERVER_VERSION"
mv "$tmp/server" "$BIN_DIR/temporal-server"
mv "$tmp/sql" "$BIN_DIR/temporal-sql-tool"
end=$(date +%s)
log "built in $((end - start))s"
echo "temporal-server $SERVER_VERSION $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
