#!/usr/bin/env bash
# The whole test suite, from a fresh clone: dependencies, Go-built tools (cached), policies (opa test +
# wasm build), typecheck and build, lint (ESLint + Prettier), schema drift, unit specs, then integration
# tests against a real Temporal dev server, Postgres, OPA wasm and the sandbox platform. Ends with one
# summary line.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }
start=$(date +%s)

if [[ ! -d node_modules ]]; then step "npm ci"; npm ci --no-audit --no-fund || exit 1; fi
step "tools (Temporal CLI, OPA)"; bash deploy/tools/build-tools.sh || exit 1
step "Postgres"; node deploy/local/ensure-postgres.js || exit 1
step "policies: opa fmt/check/test"; bash policies/test.sh || exit 1
step "policies: wasm build"; bash policies/build.sh || exit 1
step "typecheck and build"; npx tsc -p tsconfig.json --noEmit || exit 1; npx tsc -p tsconfig.build.json || exit 1
# C-55 (docs/security.md): exit 3 means npm audit could not reach the advisory endpoint; the suite goes on and the run
# fails at the end, unless RAIZE_AUDIT_UNAVAILABLE_OK=1 accepts that, loudly, for a registry mirror without one.
step "supply chain: audit, lockfile, install scripts, SBOM"; node dist/deploy/supply-chain/check.js; supply_rc=$?
[[ $supply_rc -eq 0 || $supply_rc -eq 3 ]] || exit 1
step "lint: eslint (types, import zones) and prettier"; npm run --silent lint || exit 1
step "helm: template + kubeconform"; bash deploy/helm/validate.sh || exit 1
step "schema drift"; node dist/services/api/schema/emit-schema.js check || exit 1
step "admin web app (codegen, typecheck, vite build)"; npm run --silent web:build || exit 1

results="$(mktemp -d)"
step "unit specs"
npx jest --selectProjects unit --json --outputFile="$results/unit.json" "$@"; unit_rc=$?
# Every recorded history of test/replay/histories/manifest.json against the bundle the workers run (docs/replay.md):
# a change that breaks determinism fails here, naming the fixture, its workflow type and the event.
step "replay"
npx jest --selectProjects integration --runInBand --json --outputFile="$results/replay.json" test/replay; replay_rc=$?
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  if (!fs.existsSync(file)) { console.log("replay: no result"); process.exit(0); }
  const cases = JSON.parse(fs.readFileSync(file, "utf8")).testResults
    .filter((t) => t.name.endsWith("all-kinds.test.ts"))
    .flatMap((t) => t.assertionResults)
    .filter((a) => a.title.startsWith("replays "));
  const failed = cases.filter((a) => a.status !== "passed").length;
  console.log(`replay: ${cases.length - failed} recorded histories replayed against the current bundle` +
    (failed ? `, ${failed} FAILED` : ""));
' "$results/replay.json"
step "integration tests (real Temporal, Postgres, OPA wasm, sandbox)"
# In shards run side by side (RAIZE_IT_SHARDS, 2 by default: one per core), each a jest process with a harness of its
# own (a Temporal dev server, a database, free ports). One process ran every suite in band for 49 minutes, its heap
# growing by gigabytes (most of the suite waits on timers and on other processes, so two share the cores well).
# Each shard's output is kept apart and printed whole when it ends, so the log reads one shard at a time.
shards="${RAIZE_IT_SHARDS:-2}"
shard_pids=()
for ((k = 1; k <= shards; k++)); do
  NODE_OPTIONS="--max-old-space-size=8192 ${NODE_OPTIONS:-}" npx jest --selectProjects integration --runInBand \
    --shard="$k/$shards" --testPathIgnorePatterns /test/replay/ /test/fuzz/ /test/faults/ /test/system/ \
    --passWithNoTests --json --outputFile="$results/integration-$k.json" "$@" > "$results/integration-$k.log" 2>&1 &
  shard_pids+=($!)
done
it_rc=0
for ((k = 1; k <= shards; k++)); do
  wait "${shard_pids[k - 1]}" || it_rc=1
  printf '\n--- integration shard %s/%s\n' "$k" "$shards"
  cat "$results/integration-$k.log"
done
# Bounded resilience runs, each in a process of its own, each printing its counts (issue #18).
step "fuzzing: every GraphQL input, webhook body, CSV import and upload (C-54)"
npx jest --selectProjects integration --runInBand --forceExit --json --outputFile="$results/fuzz.json" test/fuzz; fuzz_rc=$?
step "faults: the crash matrix and fault injection (C-51, C-52, C-53)"
npx jest --selectProjects integration --runInBand --forceExit --json --outputFile="$results/faults.json" test/faults; faults_rc=$?
step "system: the cluster topology under kills, Temporal and Postgres restarts (C-53)"
npx jest --selectProjects system --runInBand --forceExit --json --outputFile="$results/system.json"; system_rc=$?

node -e '
  const fs = require("fs");
  let p = 0, f = 0, s = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { f++; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); s += r.numPendingTests;
  }
  console.log(`\ntests: ${p} passed, ${f} failed, ${s} skipped`);
' "$results/unit.json" "$results/replay.json" "$results"/integration-*.json "$results/fuzz.json" "$results/faults.json" \
  "$results/system.json"
echo "(took $(( $(date +%s) - start ))s)"
if [[ $supply_rc -eq 3 ]]; then
  if [[ "${RAIZE_AUDIT_UNAVAILABLE_OK:-}" == 1 ]]; then echo "supply chain: npm audit NOT RUN, accepted by RAIZE_AUDIT_UNAVAILABLE_OK=1"; supply_rc=0
  else echo "supply chain: npm audit NOT RUN (advisory endpoint unreachable): this run fails (C-55)"; fi
fi
[[ $unit_rc -eq 0 && $replay_rc -eq 0 && $it_rc -eq 0 && $fuzz_rc -eq 0 && $faults_rc -eq 0 && $system_rc -eq 0 &&
  $supply_rc -eq 0 ]]
