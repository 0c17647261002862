#!/usr/bin/env bash
# Measures how many Yahoo item pages per second Zaiko.Sandbox serves on loopback with no injected latency.
# Builds Release, starts the sandbox on a free port, seeds items, runs wrk over every seeded item page, prints
# sandbox_item_pages_per_s=<n> and stops the sandbox. Settings: BENCH_ITEMS (default 10000), BENCH_SECONDS (10),
# BENCH_CONNECTIONS (64), BENCH_THREADS (2).
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project_dir"
items=${BENCH_ITEMS:-10000}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
work_dir=$(mktemp -d)

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench-sandbox.sh: installing wrk" >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "bench-sandbox.sh: wrk is required (apt-get install wrk)" >&2
    exit 1
  fi
fi

dotnet build Zaiko.Sandbox/Zaiko.Sandbox.csproj -c Release -nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5099)
base="http://127.0.0.1:$port"

dotnet Zaiko.Sandbox/bin/Release/net10.0/Zaiko.Sandbox.dll --urls "$base" >"$work_dir/sandbox.log" 2>&1 &
sandbox_pid=$!
cleanup() {
  kill "$sandbox_pid" 2>/dev/null || true
  wait "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work_dir"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fs "$base/_sandbox/status" >/dev/null 2>&1 && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work_dir/sandbox.log" >&2; exit 1; }
  sleep 0.2
done

curl -fs -X POST "$base/_sandbox/seed" -H 'Content-Type: application/json' -d "{\"yahoo\": $items, \"seed\": 1}" >/dev/null
: >"$work_dir/ids"
for ((offset = 0; offset < items; offset += 10000)); do
  curl -fs "$base/_sandbox/catalog?target=yahoo&offset=$offset&limit=10000" | grep -o '"auctionId":"[^"]*"' | cut -d'"' -f4 >>"$work_dir/ids"
done

{
  printf 'local ids = {'
  sed 's/.*/"&",/' "$work_dir/ids" | tr -d '\n'
  printf '}\n'
  cat <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/jp/auction/" .. ids[(counter % #ids) + 1])
end
LUA
} >"$work_dir/pages.lua"

# Warm-up: JIT, connection pools and the page cache, so the figure is the steady state.
wrk -t"$threads" -c"$connections" -d2s -s "$work_dir/pages.lua" "$base" >/dev/null
wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$work_dir/pages.lua" "$base" | tee "$work_dir/wrk.txt"

if grep -q "Non-2xx" "$work_dir/wrk.txt"; then
  echo "bench-sandbox.sh: some item pages did not answer 200" >&2
  exit 1
fi

rate=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$work_dir/wrk.txt")
echo "sandbox_item_pages_per_s=$rate"
