#!/usr/bin/env bash
# Builds a Vault-API server for the Vault half of the secrets contract test (docs/vault.md): OpenBao when
# the Go module proxy serves it, else HashiCorp Vault v1.14.1, the last release before the BSL change and
# the commit OpenBao forked from (MPL-2.0). Only Go modules are downloaded: no release binaries.
#
# Idempotent, in the order the test looks: $RAIZE_BAO_BIN, then `bao` or `vault` in the cache
# ($RAIZE_BIN_DIR, default ~/.cache/raize/bin), then on PATH (symlinked into the cache), else a build.
#
# Why not `go install module@version`: both go.mod files replace their api/ and sdk/ sub-modules with local
# directories, which `go install` refuses. Copying the module source does not help either, because a module
# zip leaves out nested modules: the replaced directories are simply not there. So the replaces whose
# target is missing are dropped and the versions go.mod already requires are used.
set -euo pipefail

# OpenBao's go.mod says `module github.com/openbao/openbao` while its releases are tagged v2.x, so no release
# tag is a valid module version: pin a release commit with RAIZE_OPENBAO_VERSION=<commit hash>.
OPENBAO_MODULE="github.com/openbao/openbao"
OPENBAO_VERSION="${RAIZE_OPENBAO_VERSION:-latest}"
# v1.14.2+ need an sdk newer than the one their go.mod requires (the tag built against ./sdk); v1.14.1
# builds against exactly the sdk it requires.
VAULT_MODULE="github.com/hashicorp/vault"
VAULT_VERSION="v1.14.1"
FLAVOR="${RAIZE_BAO_FLAVOR:-auto}"   # auto | openbao | vault

BIN_DIR="${RAIZE_BIN_DIR:-$HOME/.cache/raize/bin}"
export PATH="$PATH:/usr/local/go/bin"
export CGO_ENABLED="${CGO_ENABLED:-0}"

log() { printf '[openbao] %s\n' "$*" >&2; }

if [[ -n "${RAIZE_BAO_BIN:-}" ]]; then
  if [[ -x "$RAIZE_BAO_BIN" ]]; then log "using $RAIZE_BAO_BIN (from \$RAIZE_BAO_BIN)"; exit 0; fi
  log "\$RAIZE_BAO_BIN=$RAIZE_BAO_BIN is not an executable file"; exit 1
fi
mkdir -p "$BIN_DIR"
for name in bao vault; do
  if [[ -x "$BIN_DIR/$name" ]]; then log "cached at $BIN_DIR/$name"; exit 0; fi
done
for name in bao vault; do
  if on_path="$(command -v "$name" 2>/dev/null)"; then
    log "using $on_path (on PATH)"; ln -sf "$on_path" "$BIN_DIR/$name"; exit 0
  fi
done
if ! command -v go >/dev/null; then log "go is not installed (expected /usr/local/go/bin/go)"; exit 1; fi
command -v node >/dev/null || { log "node is needed to read go.mod as JSON"; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/raize-bao-build.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# build MODULE VERSION BINARY_NAME
build() {
  local module="$1" version="$2" name="$3" json dir resolved
  log "$name: fetching $module@$version from the Go module proxy ..."
  if ! json="$(go mod download -json "$module@$version" 2>&1)"; then
    log "$name: the module proxy does not serve $module@$version: $(node -e 'try { console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).Error) } catch { console.log("(no JSON answer)") }' <<<"$json")"
    return 1
  fi
  dir="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).Dir)' <<<"$json")"
  resolved="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).Version)' <<<"$json")"
  rm -rf "$work/src"; cp -r "$dir" "$work/src"; chmod -R u+w "$work/src"
  (
    cd "$work/src"
    # Keep a local replace only when its directory (with a go.mod) came with the copy; drop the others.
    while IFS=$'\t' read -r old new; do
      if [[ -f "$new/go.mod" ]]; then log "$name: keeping replace $old => $new"
      else log "$name: dropping replace $old => $new (not in the module zip)"; go mod edit -dropreplace="$old"; fi
    done < <(go mod edit -json | node -e '
      const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
      for (const r of m.Replace ?? []) if (/^\.\.?\//.test(r.New.Path)) console.log(`${r.Old.Path}\t${r.New.Path}`);')
    # The UI assets are behind the `ui` build tag: without it the server is API-only, which is all we need.
    GOFLAGS="${GOFLAGS:-} -mod=mod" go build -trimpath -ldflags '-s -w' -o "$work/$name" .
  ) || { log "$name: building $module@$resolved failed (see above)"; return 1; }
  mv "$work/$name" "$BIN_DIR/$name"
  log "$name: built $module@$resolved"
  BUILT="$name $resolved"
}

start=$(date +%s)
BUILT=""
if [[ "$FLAVOR" == auto || "$FLAVOR" == openbao ]]; then
  build "$OPENBAO_MODULE" "$OPENBAO_VERSION" bao || { [[ "$FLAVOR" == auto ]] && log "falling back to HashiCorp Vault $VAULT_VERSION (MPL-2.0)"; }
fi
if [[ -z "$BUILT" && ( "$FLAVOR" == auto || "$FLAVOR" == vault ) ]]; then
  build "$VAULT_MODULE" "$VAULT_VERSION" vault || true
fi
if [[ -z "$BUILT" ]]; then log "no Vault-API server could be built (see above)"; exit 1; fi
end=$(date +%s)
log "built ${BUILT% *} in $((end - start))s into $BIN_DIR"
echo "$BUILT $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
