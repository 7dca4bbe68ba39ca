#!/usr/bin/env bash
# Runs every test. Installs what a fresh Debian machine lacks first (as root: apt-get and npm), then runs
# `dotnet test EditBot.sln` and closes with one plain line, e.g. "Tests: 512 passed, 0 failed, 0 skipped".
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
# The PostgreSQL store's tests start their own throwaway cluster from these binaries.
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
# The end-to-end test against discord-digital-twin runs it on Node.js (its Prisma wants Node 20.19 or later).
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
# The mask editor's browser tests drive Debian's Chromium through Microsoft.Playwright (its own browser download is unreachable).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# Debian 12's own nodejs is 18.x, older than the emulator's Prisma accepts: say so plainly instead of failing later.
node_version=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a*1000+b)')
if [ "$node_version" -lt 20019 ]; then
  echo "Node.js 20.19 or later is required by the discord-digital-twin test (found $(node -v)); install a newer nodejs and rerun." >&2
  exit 1
fi

# npm ci when node_modules is missing or was installed from another lock file (a stamp of the lock's hash says which).
third_party=tests/third-party
lock_hash=$(sha256sum "$third_party/package-lock.json" | cut -d' ' -f1)
stamp="$third_party/node_modules/.editbot-lock.sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "Installing npm packages in $third_party"
  (cd "$third_party" && npm ci --no-audit --no-fund)
  echo "$lock_hash" > "$stamp"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet on PATH); this machine kind ships it." >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# A test that hangs is named (its test host stopped) after 10 minutes instead of eating the whole CI budget.
dotnet test EditBot.sln --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects.
awk '
  /^(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
