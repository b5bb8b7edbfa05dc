#!/usr/bin/env bash
# The main job from a fresh clone (`npm run demo`; `npm run stack` passes --stack-only): dependencies,
# the Go-built tools (cached in ~/.cache/raize/bin), the policy wasm, the TypeScript build, then the
# launcher, which starts Temporal, Postgres (the machine's, else an embedded one), the sandbox, the worker
# and the API and runs the demo episode. Arguments go to the launcher (--keep-running, --stack-only).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/usr/local/go/bin:$PATH"
step() { printf '==> %s\n' "$*"; }
start=$(date +%s)

if [[ ! -d node_modules ]]; then step "npm ci (no node_modules yet)"; npm ci --no-audit --no-fund; fi
step "tools (Temporal CLI, OPA)"; bash deploy/tools/build-tools.sh
step "policies: wasm build"; bash policies/build.sh
# Jaeger only when asked (--jaeger or RAIZE_JAEGER=1): a cold build takes many minutes.
if [[ " $* " == *" --jaeger "* || "${RAIZE_JAEGER:-}" == "1" ]]; then step "Jaeger (traces)"; bash deploy/tools/build-jaeger.sh; fi
# The Temporal server (not the dev server) only for the cluster topology: a cold build takes many minutes.
if [[ " $* " == *" --cluster "* ]]; then step "Temporal server (cluster topology)"; bash deploy/tools/build-temporal-server.sh; fi
step "build (tsc -p tsconfig.build.json)"; npx tsc -p tsconfig.build.json
step "admin web app (npm run web:build)"; npm run --silent web:build
step "launcher (prepared in $(( $(date +%s) - start ))s)"
# exec: the launcher gets Ctrl-C and SIGTERM itself and stops the stack in order.
exec node dist/deploy/local/demo.js "$@"
