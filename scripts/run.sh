#!/usr/bin/env bash
# Runs Zaiko on this machine: the private PostgreSQL cluster (scripts/db.sh), then the application in
# role "all" (admin pages, /hangfire and a Hangfire server in one process) on http://127.0.0.1:5080.
# Ctrl-C stops the application; the database keeps running (scripts/db.sh stop stops it).
#
# Environment: ZAIKO_PORT (default 5080); ConnectionStrings__Zaiko to use another database instead of
# the local cluster; any ZAIKO__SECTION__KEY setting (see README.md).
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project_dir"
port="${ZAIKO_PORT:-5080}"
base="http://127.0.0.1:$port"

command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

if [ -z "${ConnectionStrings__Zaiko:-}" ]; then
  ConnectionStrings__Zaiko=$(scripts/db.sh start)
  export ConnectionStrings__Zaiko
fi

echo "run.sh: building (Release)…"
dotnet build "$project_dir/Zaiko.Web/Zaiko.Web.csproj" -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
app_dll="$project_dir/Zaiko.Web/bin/Release/net10.0/Zaiko.Web.dll"

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

dotnet "$app_dll" --role all --urls "$base" &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then
    echo
    echo "Zaiko is running (Ctrl-C stops it):"
    echo "  admin      $base/"
    echo "  jobs       $base/hangfire"
    echo "  health     $base/health"
    echo "  logs       $project_dir/logs/"
    echo "  mail       ${Alerts__MailDirectory:-$project_dir/.zaiko/mail}/ (.eml files while no SMTP server is set)"
    break
  fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "run.sh: the application exited during start-up; see the messages above" >&2
    exit 1
  fi
  sleep 0.5
done

wait "${pids[0]}"
