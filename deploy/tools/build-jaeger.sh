#!/usr/bin/env bash
# Builds Jaeger (the local trace backend, docs/observability.md) from the Go module proxy into a cache outside the
# repo. Same rules as build-tools.sh: idempotent; a binary already in the cache, on PATH, or named by
# $RAIZE_JAEGER_BIN is used as it is; nothing is downloaded except Go modules. Cold: many minutes.
set -euo pipefail

# Jaeger v2 (an OpenTelemetry Collector distribution): OTLP in on 4317/4318, query API and UI on 16686. Its go.mod
# carries replace directives, which `go install pkg@version` refuses, so it is built inside a throwaway module.
JAEGER_MODULE="github.com/jaegertracing/jaeger"
JAEGER_VERSION="${RAIZE_JAEGER_VERSION:-v1.76.0}"

BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
export PATH="$PATH:/usr/local/go/bin"
export CGO_ENABLED="${CGO_ENABLED:-0}"

log() { printf '[jaeger] %s\n' "$*" >&2; }

if [[ -n "${RAIZE_JAEGER_BIN:-}" ]]; then
  if [[ -x "$RAIZE_JAEGER_BIN" ]]; then log "using $RAIZE_JAEGER_BIN (from \$RAIZE_JAEGER_BIN)"; exit 0; fi
  log "\$RAIZE_JAEGER_BIN=$RAIZE_JAEGER_BIN is not an executable file"; exit 1
fi
mkdir -p "$BIN_DIR"
if [[ -x "$BIN_DIR/jaeger" ]]; then log "cached at $BIN_DIR/jaeger"; exit 0; fi
if on_path="$(command -v jaeger 2>/dev/null)"; then
  log "using $on_path (on PATH)"; ln -sf "$on_path" "$BIN_DIR/jaeger"; exit 0
fi
if ! command -v go >/dev/null; then log "go is not installed (expected /usr/local/go/bin/go)"; exit 1; fi

log "building $JAEGER_MODULE/cmd/jaeger@$JAEGER_VERSION into $BIN_DIR (cold builds take many minutes) ..."
start=$(date +%s)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(
  cd "$tmp"
  go mod init raize.local/jaeger-build >/dev/null 2>&1
  go get -tool "$JAEGER_MODULE/cmd/jaeger@$JAEGER_VERSION"
  # Into the temporary dir first: an interrupted build never leaves a half-written binary where the cache check looks.
  go build -trimpath -o "$tmp/jaeger" "$JAEGER_MODULE/cmd/jaeger"
)
mv "$tmp/jaeger" "$BIN_DIR/jaeger"
end=$(date +%s)
log "built in $((end - start))s"
echo "jaeger $JAEGER_VERSION $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
