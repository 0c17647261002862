#!/usr/bin/env bash
# Runs every test against real services: a private PostgreSQL cluster (scripts/db.sh), a fresh database
# per run, real Hangfire servers, the sandbox, an SMTP listener and Debian's Chromium (installed with
# apt-get when missing and run as root). Prints line coverage per project at the end and exits with the
# test runner's code.
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project_dir"
state_dir="$project_dir/.zaiko"
mkdir -p "$state_dir"

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

# Page tests drive Debian's Chromium through Playwright (never a browser Playwright downloads itself).
if [ -n "${ZAIKO_CHROMIUM:-}" ]; then
  [ -x "$ZAIKO_CHROMIUM" ] || { echo "test.sh: ZAIKO_CHROMIUM=$ZAIKO_CHROMIUM is not an executable Chromium" >&2; exit 1; }
else
  # Japanese fonts, so screenshots of the pages are legible (Chromium draws boxes without them).
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "test.sh: installing Debian's chromium and fonts-noto-cjk for the page tests…"
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >&2; } \
        || { echo "test.sh: could not install chromium and fonts-noto-cjk with apt-get" >&2; exit 1; }
    elif [ ! -x /usr/bin/chromium ]; then
      echo "test.sh: the page tests need Chromium: install the chromium package (sudo apt-get install chromium fonts-noto-cjk) or set ZAIKO_CHROMIUM" >&2
      exit 1
    else
      echo "test.sh: NOTE: fonts-noto-cjk is not installed; page screenshots will show boxes instead of Japanese" >&2
    fi
  fi
  export ZAIKO_CHROMIUM=/usr/bin/chromium
fi

base_url=$(scripts/db.sh start)
run_id="$(date +%Y%m%d%H%M%S)_$RANDOM"
test_db="zaiko_test_${run_id}"
scripts/db.sh psql -c "CREATE DATABASE $test_db" >/dev/null

cleanup() {
  # The run's database and the per-collection databases the fixtures made beside it.
  local dbs
  dbs=$(scripts/db.sh psql -c "SELECT datname FROM pg_database WHERE datname LIKE '${test_db}%'" 2>/dev/null || true)
  for db in $dbs; do
    scripts/db.sh psql -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

export ZAIKO_TEST_PG="${base_url/Database=zaiko;/Database=$test_db;}"
export ZAIKO_LOG_DIR="$state_dir/test-logs"
# Every page test leaves what its browser showed last here (the folder is emptied per run).
export ZAIKO_SCREENSHOTS="$state_dir/test-screenshots"
rm -rf "$ZAIKO_SCREENSHOTS"

filter=()
shared="${ZAIKO_SHARED:-$project_dir/../shared}"
if [ -d "$shared" ]; then
  export ZAIKO_SHARED=$(cd "$shared" && pwd)
  echo "test.sh: shared fixtures and contracts from $ZAIKO_SHARED"
else
  echo "test.sh: NOTE: no shared folder at $shared (set ZAIKO_SHARED to point at one)."
  echo "test.sh: NOTE: tests that read third-party fixtures and API contracts (Category=Shared) are NOT run."
  filter=(--filter "Category!=Shared")
fi

results="$state_dir/test-results/$run_id"
rc=0
dotnet test "$project_dir/Zaiko.sln" -c Release \
  --collect:"XPlat Code Coverage" --settings "$project_dir/scripts/coverage.runsettings" \
  --results-directory "$results" --logger "console;verbosity=minimal" "${filter[@]}" "$@" || rc=$?

coverage=$(find "$results" -name coverage.cobertura.xml 2>/dev/null | head -n 1)
if [ -n "$coverage" ]; then
  echo
  echo "Line coverage by project:"
  grep -o '<package name="[^"]*" line-rate="[^"]*"' "$coverage" \
    | sed -E 's/<package name="([^"]*)" line-rate="([^"]*)"/\1 \2/' \
    | awk '{ printf "  %-16s %5.1f %%\n", $1, $2 * 100 }'
  total=$(grep -o '<coverage line-rate="[^"]*"' "$coverage" | sed -E 's/.*="([^"]*)"/\1/')
  awk -v t="$total" 'BEGIN { printf "  %-16s %5.1f %%\n", "all", t * 100 }'
fi

exit $rc
