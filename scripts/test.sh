#!/usr/bin/env bash
# Runs every test of the solution: unit, integration (real SQLite, Kestrel on loopback) and browser end-to-end
# (Playwright driving Debian's Chromium). Installs Chromium with apt-get when it is missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${SHOP_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium not found at $chromium: installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Chromium not found at $chromium and cannot install it (need root and apt-get); browser tests will fail." >&2
  fi
fi
export SHOP_CHROMIUM="$chromium"

dotnet build Shop.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

# Both providers' migration sets must match the model (the same check runs in-process in Shop.Core.Tests).
# After the build: dotnet-ef reads project metadata that only a restore writes, so on a clean clone it must not run first.
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations has-pending-model-changes --project "src/Shop.Migrations.$provider" \
    --startup-project "src/Shop.Migrations.$provider" --configuration Release --no-build 2>&1 | tail -n 1
done

# One test assembly at a time (-m:1): the browser flows, the Kestrel fault servers and the timing-sensitive scan
# tests then do not compete with each other for two cores, and each assembly's log reads in one piece.
dotnet test Shop.sln -c Release --no-build -m:1 --blame-hang-timeout 10m --logger "console;verbosity=normal" "$@"
