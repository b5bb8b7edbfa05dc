#!/usr/bin/env bash
# Builds a Vault-API server for the Vault half of the secrets contract test (docs/vault.md): OpenBao when
# the Go module proxy serves it, else HashiCorp Vault v1.14.2 (MPL-2.0, the 1.14 line OpenBao forked from).
# Only Go modules are downloaded: no release binaries. Cold: ~22 min on 2 busy cores, ~12-14 min idle.
#
# Idempotent, in the order the test looks: $RAIZE_BAO_BIN, then `bao` or `vault` in the cache
# ($RAIZE_BIN_DIR, default ~/.cache/raize/bin), then on PATH (symlinked into the cache), else a build.
#
# Why not `go install module@version`: both go.mod files replace their api/ and sdk/ sub-modules with local
# directories, which `go install` refuses. Copying the module source does not help either, because a module
# zip leaves out nested modules: the replaced directories are simply not there. So the replaces whose
# target is missing are dropped and the versions go.mod already requires are used, except Vault's sdk (below).
set -euo pipefail

# OpenBao's go.mod says `module github.com/openbao/openbao` while its releases are tagged v2.x, so no release
# tag is a valid module version: pin a release commit with RAIZE_OPENBAO_VERSION=<commit hash>.
OPENBAO_MODULE="github.com/openbao/openbao"
OPENBAO_VERSION="${RAIZE_OPENBAO_VERSION:-latest}"
# Vault 1.14.x tags were built against their own ./sdk, which was never published; the proxy serves neither
# it nor any commit, only tagged sdk versions. None of those fits as is: v0.9.1 and the pseudo-version that
# v1.14.0/v1.14.1 require lack symbols the code uses (transit BYOK, PKI ACME), v1.14.8 needs >= v0.11.0.
# v1.14.2 compiles against the v0.9.2 its go.mod requires, but v0.9.2 (cut from 1.15's main) added a
# start-up self-check that panics on the "unsupported path" stubs of the 1.14 system backend ("defines a
# CreateOperation but no ExistenceCheck"); 1.14's own sdk has no such check. So the sdk is copied into
# ./sdk and that one check is switched off (vault_prepare below). Both v1.14.2 and sdk v0.9.2 are MPL-2.0.
VAULT_MODULE="github.com/hashicorp/vault"
VAULT_VERSION="v1.14.2"
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

json_field() { node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(process.argv[1].split(".").reduce((o, k) => o?.[k], v) ?? "")' "$1"; }

# Runs in the copied Vault source: puts the sdk that go.mod requires into ./sdk, without the 1.15 self-check.
vault_prepare() {
  local sdk_version sdk_json
  sdk_version="$(go mod edit -json | node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    console.log(m.Require.find((r) => r.Path === "github.com/hashicorp/vault/sdk").Version)')"
  sdk_json="$(go mod download -json "github.com/hashicorp/vault/sdk@$sdk_version")" || { log "vault: cannot fetch sdk@$sdk_version"; return 1; }
  rm -rf sdk; cp -r "$(json_field Dir <<<"$sdk_json")" sdk; chmod -R u+w sdk
  local file=sdk/framework/backend.go
  if [[ "$(grep -c 'if p.ExistenceCheck == nil {' "$file")" != 1 ]]; then log "vault: $file changed shape; cannot apply the compat patch"; return 1; fi
  sed -i 's/if p.ExistenceCheck == nil {/if false \&\& p.ExistenceCheck == nil { \/\/ raize: 1.14 has no such check/' "$file"
  log "vault: using sdk $sdk_version from ./sdk with its CreateOperation/ExistenceCheck self-check off"
}

# build MODULE VERSION BINARY_NAME [PREPARE_FUNCTION]
build() {
  local module="$1" version="$2" name="$3" prepare="${4:-}" json dir resolved
  log "$name: fetching $module@$version from the Go module proxy ..."
  if ! json="$(go mod download -json "$module@$version" 2>&1)"; then
    log "$name: the module proxy does not serve $module@$version: $(json_field Error <<<"$json" 2>/dev/null || echo "$json")"
    return 1
  fi
  dir="$(json_field Dir <<<"$json")"
  resolved="$(json_field Version <<<"$json")"
  rm -rf "$work/src"; cp -r "$dir" "$work/src"; chmod -R u+w "$work/src"
  (
    cd "$work/src"
    if [[ -n "$prepare" ]]; then "$prepare" || exit 1; fi
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
  build "$VAULT_MODULE" "$VAULT_VERSION" vault vault_prepare || true
fi
if [[ -z "$BUILT" ]]; then log "no Vault-API server could be built (see above)"; exit 1; fi
end=$(date +%s)
log "built ${BUILT% *} in $((end - start))s into $BIN_DIR"
echo "$BUILT $((end - start))s $(date -u +%FT%TZ)" >> "$BIN_DIR/build-times.log"
