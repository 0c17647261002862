#!/usr/bin/env bash
# Benchmark of the check pipeline (scripts/bench/Bench.cs does one run; this script prepares and repeats it).
#
#   scripts/bench.sh [--products N] [--latency-ms L] [--runs R]
#
# Each run gets its own database on the local cluster, its own sandbox and its own app process (role all),
# seeds N offers (default 10,000), runs one full stock-check cycle with ~2 % of the items changed and prints
# key=value lines; with --runs R > 1 it prints the median of each figure. Machines are shared and noisy:
# compare ratios measured in the same run, not absolute numbers across runs.
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project_dir"
products=10000
latency=0
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --products) products="$2"; shift 2 ;;
    --latency-ms) latency="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: scripts/bench.sh [--products N] [--latency-ms L] [--runs R]" >&2; exit 2 ;;
  esac
done

mkdir -p .zaiko/bench
base_url=$(scripts/db.sh start)
log_dir="$project_dir/.zaiko/bench/logs"
mkdir -p "$log_dir"
for project in Zaiko.Web Zaiko.Sandbox; do
  dotnet build "$project/$project.csproj" -c Release -nologo >.zaiko/bench/build.log 2>&1 || { cat .zaiko/bench/build.log >&2; exit 1; }
done

results=()
for run in $(seq 1 "$runs"); do
  db="zaiko_bench_$(date +%Y%m%d%H%M%S)_$run"
  scripts/db.sh psql -c "CREATE DATABASE $db" >/dev/null
  out=".zaiko/bench/run-$run.out"
  echo "bench: run $run of $runs ($products products, latency ${latency} ms)…" >&2
  rc=0
  dotnet run -c Release scripts/bench/Bench.cs -- --products "$products" --latency-ms "$latency" \
    --connection "${base_url/Database=zaiko;/Database=$db;}" \
    --app "$project_dir/Zaiko.Web/bin/Release/net10.0/Zaiko.Web.dll" \
    --sandbox "$project_dir/Zaiko.Sandbox/bin/Release/net10.0/Zaiko.Sandbox.dll" \
    --log-dir "$log_dir" >"$out" || rc=$?
  scripts/db.sh psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  if [ "$rc" -ne 0 ] || ! grep -q '^bench: ok' "$out"; then
    cat "$out" >&2
    echo "bench: run $run failed (logs in $log_dir)" >&2
    exit 1
  fi
  [ "$runs" -gt 1 ] && sed 's/^/  /' "$out" >&2
  results+=("$out")
done

if [ "$runs" -eq 1 ]; then
  cat "${results[0]}"
  exit 0
fi

# Median of each key over the runs.
keys=$(grep -h '=' "${results[0]}" | cut -d= -f1)
for key in $keys; do
  values=$(grep -h "^$key=" "${results[@]}" | cut -d= -f2 | sort -g)
  count=$(echo "$values" | wc -l)
  median=$(echo "$values" | sed -n "$(( (count + 1) / 2 ))p")
  echo "$key=$median"
done
echo "runs=$runs"
echo "bench: ok"
