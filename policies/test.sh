#!/usr/bin/env bash
# Checks the Raize Rego policies: formatting, strict compilation, unit tests and
# coverage. Exits non-zero on the first failing step and always ends with a summary line.
#   RAIZE_POLICY_COVERAGE_MIN  minimum coverage (percent) for every policy file (default 90)
set -uo pipefail

POLICIES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$POLICIES_DIR/lib.sh"

SRC_DIR="$POLICIES_DIR/raize"
MIN_COVERAGE="${RAIZE_POLICY_COVERAGE_MIN:-90}"

log() { printf '[policies:test] %s\n' "$*"; }
fail() {
  printf '[policies:test] FAIL: %s\n' "$*" >&2
  printf 'policies: FAIL (%s)\n' "$*"
  exit 1
}

OPA="$(resolve_opa)" || fail "opa binary not found"
log "opa: $OPA ($("$OPA" version | sed -n 's/^Version: //p'))"
cd "$SRC_DIR" || fail "missing $SRC_DIR"

log "opa fmt --list --fail"
unformatted="$("$OPA" fmt --list --fail . 2>&1)" || fail "not opa-fmt clean (run: $OPA fmt -w policies/raize): ${unformatted//$'\n'/ }"

log "opa check --strict"
"$OPA" check --strict . || fail "opa check --strict"

log "opa test -v"
"$OPA" test -v . || fail "opa test"

log "opa test --coverage (minimum ${MIN_COVERAGE}% per policy file)"
cov_file="$(mktemp "${TMPDIR:-/tmp}/raize-policy-coverage.XXXXXX")"
trap 'rm -f "$cov_file"' EXIT
"$OPA" test --coverage --format=json . >"$cov_file" || fail "opa test --coverage"
# Parse with node (always present in this repo) rather than jq.
summary="$(COV_FILE="$cov_file" MIN="$MIN_COVERAGE" node -e '
  const report = JSON.parse(require("fs").readFileSync(process.env.COV_FILE, "utf8"));
  const min = Number(process.env.MIN);
  const files = Object.entries(report.files || {}).filter(([f]) => !f.endsWith("_test.rego"));
  let bad = [];
  for (const [file, r] of files) {
    const c = typeof r.coverage === "number" ? r.coverage : 0;
    console.error(`  ${c.toFixed(1).padStart(6)}%  ${file}`);
    if (c < min) bad.push(`${file} ${c.toFixed(1)}%`);
  }
  if (files.length === 0) bad.push("no policy files in coverage report");
  const total = typeof report.coverage === "number" ? report.coverage : 0;
  if (total < min) bad.push(`overall ${total.toFixed(1)}%`);
  console.log(`${total.toFixed(1)}% over ${files.length} files`);
  if (bad.length) { console.log(`below ${min}%: ${bad.join(", ")}`); process.exit(1); }
')" || fail "coverage: ${summary//$'\n'/; }"

tests="$("$OPA" test . 2>&1 | sed -n 's/^PASS: //p')"
printf 'policies: OK (fmt clean, check --strict clean, tests %s passed, coverage %s)\n' "${tests:-?}" "$summary"
