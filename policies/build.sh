#!/usr/bin/env bash
# Compiles the Raize side-effect policy to WebAssembly for the in-process engine
# (services/core/policy). Produces policies/dist/policy.wasm and policies/dist/data.json.
#
# Idempotent: when the sources, the OPA version and the outputs are unchanged it does
# nothing (pass --force to rebuild anyway). Outputs are replaced atomically, so a
# concurrent reader never sees a half-written file.
set -euo pipefail

POLICIES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$POLICIES_DIR/lib.sh"

SRC_DIR="$POLICIES_DIR/raize"
DIST_DIR="$POLICIES_DIR/dist"
# One rule per line (the side-effect decision first); each is an entrypoint of the one wasm.
mapfile -t ENTRYPOINTS < <(grep -v '^\s*\(#\|$\)' "$POLICIES_DIR/entrypoints.txt")
ENTRYPOINT_ARGS=()
for e in "${ENTRYPOINTS[@]}"; do ENTRYPOINT_ARGS+=(-e "$e"); done
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

log() { printf '[policies:build] %s\n' "$*"; }

OPA="$(resolve_opa)"
OPA_VERSION="$("$OPA" version | sed -n 's/^Version: //p')"
log "opa: $OPA (v${OPA_VERSION:-unknown})"

# Fingerprint of everything that goes into the bundle (tests excluded) + the OPA version.
fingerprint() {
  {
    printf 'opa %s\nentrypoints %s\n' "$OPA_VERSION" "${ENTRYPOINTS[*]}"
    (cd "$SRC_DIR" && find . -type f \( -name '*.rego' -o -name '*.json' \) ! -name '*_test.rego' -print0 \
      | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -d' ' -f1
}
FP="$(fingerprint)"

if [[ $FORCE -eq 0 && -s "$DIST_DIR/policy.wasm" && -s "$DIST_DIR/data.json" \
      && -f "$DIST_DIR/.fingerprint" && "$(cat "$DIST_DIR/.fingerprint")" == "$FP" ]]; then
  log "up to date: $DIST_DIR/policy.wasm (fingerprint ${FP:0:12}); use --force to rebuild"
  exit 0
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/raize-policies.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

log "opa build -t wasm ${ENTRYPOINT_ARGS[*]} policies/raize -o $TMP/bundle.tar.gz"
"$OPA" build -t wasm "${ENTRYPOINT_ARGS[@]}" --ignore '*_test.rego' "$SRC_DIR" -o "$TMP/bundle.tar.gz"

log "extracting /policy.wasm and /data.json"
mkdir -p "$TMP/out"
tar -xzf "$TMP/bundle.tar.gz" -C "$TMP/out" /policy.wasm /data.json 2>/dev/null \
  || tar -xzf "$TMP/bundle.tar.gz" -C "$TMP/out" policy.wasm data.json
for f in policy.wasm data.json; do
  [[ -s "$TMP/out/$f" ]] || { echo "error: bundle has no /$f" >&2; exit 1; }
done

mkdir -p "$DIST_DIR"
for f in policy.wasm data.json; do
  cp "$TMP/out/$f" "$DIST_DIR/.$f.tmp.$$"
  chmod 644 "$DIST_DIR/.$f.tmp.$$"
  mv -f "$DIST_DIR/.$f.tmp.$$" "$DIST_DIR/$f"
  log "wrote $DIST_DIR/$f ($(wc -c <"$DIST_DIR/$f" | tr -d ' ') bytes)"
done
printf '%s\n' "$FP" >"$DIST_DIR/.fingerprint"
log "done (fingerprint ${FP:0:12})"
