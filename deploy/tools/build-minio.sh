#!/usr/bin/env bash
# Builds the MinIO server (the S3-compatible backend of the artifact store, docs/artifacts.md) from the Go module
# proxy into a cache outside the repo. Same rules as build-tools.sh: idempotent, a binary already in the cache, on
# PATH, or named by $RAIZE_MINIO_BIN is used as it is; nothing is downloaded except Go modules. Cold: minutes.
set -euo pipefail

# A pinned commit of github.com/minio/minio (AGPL-3.0): the project publishes no semver module tags.
MINIO_MODULE="github.com/minio/minio"
MINIO_VERSION="${RAIZE_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"

BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
export PATH="$PATH:/usr/local/go/bin"
export CGO_ENABLED="${CGO_ENABLED:-0}"

log() { printf '[minio] %s\n' "$*" >&2; }

if [[ -n "${RAIZE_MINIO_BIN:-}" ]]; then
  if [[ -x "$RAIZE_MINIO_BIN" ]]; then log "using $RAIZE_MINIO_BIN (from \$RAIZE_MINIO_BIN)"; exit 0; fi
  log "\$RAIZE_MINIO_BIN=$RAIZE_MINIO_BIN is not an executable file"; exit 1
fi
mkdir -p "$BIN_DIR"
if [[ -x "$BIN_DIR/minio" ]]; then log "cached at $BIN_DIR/minio"; exit 0; fi
if on_path="$(command -v minio 2>/dev/null)"; then
  log "using $on_path (on PATH)"; ln -sf "$on_path" "$BIN_DIR/minio"; exit 0
fi
if ! command -v go >/dev/null; then log "go is not installed (expected /usr/local/go/bin/go)"; exit 1; fi

log "building $MINIO_MODULE@$MINIO_VERSION into $BIN_DIR (cold builds take minutes) ..."
start=$(date +%s)
# Into a temporary GOBIN first: an interrupted build never leaves a half-written binary where the cache check looks.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" go install "$MINIO_MODULE@$MINIO_VERSION"
mv "$tmp/minio" "$BIN_DIR/minio"
end=$(date +%s)
log "built in $((end - start))s"
echo "minio $MINIO_VERSION $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
