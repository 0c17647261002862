#!/usr/bin/env bash
# Runs Zaiko on this machine: the private PostgreSQL cluster (scripts/db.sh), then the application in
# role "all" (admin pages, /hangfire and a Hangfire server in one process) on http://127.0.0.1:5080.
#
# Demo mode: when no marketplace credentials are configured (none of the variables below is set), the
# local marketplace simulator (Zaiko.Sandbox) is started too, every marketplace URL points at it, and
# `demo seed` registers about 200 demo products with slow drift, and a demo admin account is created (its
# password in .zaiko/demo-admin-password). Ctrl-C stops the app and the sandbox;
# the database keeps running (scripts/db.sh stop stops it).
#
# Environment: ZAIKO_PORT (default 5080), ZAIKO_SANDBOX_PORT (default 5090), ZAIKO_DEMO_ITEMS (default 200),
# ConnectionStrings__Zaiko to use another database; any ZAIKO setting as Section__Key (see README.md).
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project_dir"
port="${ZAIKO_PORT:-5080}"
sandbox_port="${ZAIKO_SANDBOX_PORT:-5090}"
base="http://127.0.0.1:$port"
demo_admin="demo@zaiko.example"

command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

mkdir -p "$project_dir/.zaiko"
if [ -z "${ConnectionStrings__Zaiko:-}" ]; then
  ConnectionStrings__Zaiko=$(scripts/db.sh start)
  export ConnectionStrings__Zaiko
fi

demo=1
for credential in Sources__Amazon__ClientId Channels__Ebay__ClientId Channels__Amazon__ClientId Channels__Mercari__AccessToken; do
  [ -n "${!credential:-}" ] && demo=0
done

echo "run.sh: building (Release)…"
build() {  # project: quiet unless it fails
  dotnet build "$1" -c Release -nologo >"$project_dir/.zaiko/build.log" 2>&1 || { cat "$project_dir/.zaiko/build.log" >&2; exit 1; }
}
build "$project_dir/Zaiko.Web/Zaiko.Web.csproj"
app_dll="$project_dir/Zaiko.Web/bin/Release/net10.0/Zaiko.Web.dll"

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

wait_for() {  # url, what, pid
  for _ in $(seq 1 120); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "run.sh: $2 exited during start-up; see the messages above" >&2; exit 1; }
    sleep 0.5
  done
  echo "run.sh: $2 did not answer at $1 within 60 s" >&2
  exit 1
}

if [ "$demo" = 1 ]; then
  echo "run.sh: no marketplace credentials configured: demo mode with the local sandbox on port $sandbox_port"
  build "$project_dir/Zaiko.Sandbox/Zaiko.Sandbox.csproj"
  dotnet "$project_dir/Zaiko.Sandbox/bin/Release/net10.0/Zaiko.Sandbox.dll" --urls "http://127.0.0.1:$sandbox_port" >"$project_dir/.zaiko/sandbox.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$sandbox_port/_sandbox/status" "the sandbox" "${pids[-1]}"
  export Sandbox__Enabled=true
  export Sandbox__BaseUrl="http://127.0.0.1:$sandbox_port"
  # The sandbox's fixed demo credentials (docs/SANDBOX.md); only the sandbox accepts them.
  export Sources__Yahoo__RequestsPerSecond="${Sources__Yahoo__RequestsPerSecond:-5}"
  export Channels__Ebay__ClientId="ZaikoSan-Sandbox-PRD-0a1b2c3d4-5e6f7a8b"
  export Channels__Ebay__ClientSecret="PRD-0a1b2c3d4e5f-zaiko-sandbox-demo"
  export Channels__Ebay__RefreshToken='v^1.1#i^1#r^1#f^0#I^3#p^3#t^ZaikoSandboxDemoRefreshToken'
  export Channels__Amazon__ClientId="amzn1.application-oa2-client.zaikosandbox0000000000000000"
  export Channels__Amazon__ClientSecret="amzn1.oa2-cs.v1.zaiko-sandbox-demo-secret"
  export Channels__Amazon__RefreshToken='Atzr|IwEBIZaikoSandboxDemoRefreshToken'
  export Channels__Amazon__SellerId="A1ZAIKOSANDBOX"
  export Channels__Mercari__AccessToken="zaiko-sandbox-mercari-demo-token"
  dotnet "$app_dll" demo seed --count "${ZAIKO_DEMO_ITEMS:-200}"
  # A demo admin, so the console opens without the first-admin link; its password stays in a file of the owner's.
  demo_password_file="$project_dir/.zaiko/demo-admin-password"
  if [ ! -s "$demo_password_file" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$demo_password_file")
    if ! dotnet "$app_dll" user add "$demo_admin" --role admin --name "デモ管理者" --password-stdin <"$demo_password_file" >/dev/null 2>"$project_dir/.zaiko/demo-admin.log"; then
      rm -f "$demo_password_file"
      echo "run.sh: could not create the demo admin ($(cat "$project_dir/.zaiko/demo-admin.log")); use the setup link in the log below or 'Zaiko.Web user add'" >&2
    fi
  fi
fi

dotnet "$app_dll" --role all --urls "$base" &
pids+=($!)
wait_for "$base/health" "the application" "${pids[-1]}"
echo
echo "Zaiko is running (Ctrl-C stops it):"
echo "  admin      $base/"
echo "  jobs       $base/hangfire"
echo "  health     $base/health"
echo "  logs       $project_dir/logs/"
echo "  mail       ${Alerts__MailDirectory:-$project_dir/.zaiko/mail}/ (.eml files while no SMTP server is set)"
if [ "$demo" = 1 ]; then
  echo "  demo       sandbox at http://127.0.0.1:$sandbox_port (log: .zaiko/sandbox.log)"
  [ -s "$project_dir/.zaiko/demo-admin-password" ] && echo "  sign in    $demo_admin with the password in .zaiko/demo-admin-password"
else
  echo "  sign in    with your account; on the first start the log above shows a one-time link that creates the first admin"
fi

wait "${pids[-1]}"
