#!/usr/bin/env bash
# The whole test suite from a fresh checkout: installs what it needs, then runs the domain dependency check,
# unit and integration tests (embedded PGlite, or the PostgreSQL server in DATABASE_URL), builds the web UI and
# runs the browser tests in Debian's chromium.
#   bash scripts/test.sh                      # embedded database
#   DATABASE_URL=postgres://… bash scripts/test.sh
# SKIP_INSTALL=1 skips npm ci and the chromium install (CI's second pass).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_INSTALL:-0}" != "1" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      echo "== installing chromium, CJK fonts and poppler-utils (PDF notice checks) from Debian's packages"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null
    else
      echo "chromium is needed for the browser tests: sudo apt-get install chromium fonts-noto-cjk poppler-utils" >&2
      exit 1
    fi
  fi
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

echo "== domain dependency check"
node scripts/check-domain-deps.mjs
echo "== API contract: the generated OpenAPI document and web types are current, and the document lints clean"
npm run api:check
npm run api:lint
engine="embedded PGlite"
[ -n "${DATABASE_URL:-}" ] && engine="PostgreSQL server"
echo "== unit and integration tests ($engine)"
npx vitest run
echo "== web build"
npm run build -w @ranre/web
echo "== browser tests"
# E2E_FILES narrows them to those files (CI's second pass, on the PostgreSQL server, runs the main flows).
# shellcheck disable=SC2086
npx vitest run --config tests/e2e/vitest.config.ts ${E2E_FILES:-}
