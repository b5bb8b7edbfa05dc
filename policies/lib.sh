# Shared helpers for policies/test.sh and policies/build.sh (sourced, not executed).

# resolve_opa prints the OPA binary to use: $RAIZE_OPA_BIN, else $RAIZE_BIN_DIR/opa,
# else $HOME/.cache/raize/bin/opa, else `opa` on PATH. Fails with a clear message.
resolve_opa() {
  if [[ -n "${RAIZE_OPA_BIN:-}" ]]; then
    if [[ -x "$RAIZE_OPA_BIN" ]]; then printf '%s\n' "$RAIZE_OPA_BIN"; return 0; fi
    printf 'error: RAIZE_OPA_BIN=%s is not an executable file\n' "$RAIZE_OPA_BIN" >&2
    return 1
  fi
  local candidate
  for candidate in "${RAIZE_BIN_DIR:+$RAIZE_BIN_DIR/opa}" "${HOME:+$HOME/.cache/raize/bin/opa}"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then printf '%s\n' "$candidate"; return 0; fi
  done
  if candidate="$(command -v opa 2>/dev/null)" && [[ -n "$candidate" ]]; then
    printf '%s\n' "$candidate"; return 0
  fi
  cat >&2 <<'MSG'
error: OPA binary not found. Looked at $RAIZE_OPA_BIN, $RAIZE_BIN_DIR/opa,
$HOME/.cache/raize/bin/opa and `opa` on PATH. Build it with `npm run tools`
(bash deploy/tools/build-tools.sh opa) or point RAIZE_OPA_BIN at an OPA v1.x binary.
MSG
  return 1
}
