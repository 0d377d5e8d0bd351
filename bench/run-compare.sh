#!/usr/bin/env bash
# ChatReport next to the botbuilder-js peer (bench/peer): builds ChatReport in Release, installs
# the peer's npm packages, then runs both bots as processes on loopback ports, one level at a
# time, with the same load generator and Connector stub. Prints turns/s, p50/p99/p99.9 latency
# (request → reply at the stub), peak RSS (VmHWM) and ChatReport ÷ SDK.
#   bench/run-compare.sh [--levels 1,16,64,256] [--seconds 25] [--warmup 5]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build bot/ChatReport.Bot.csproj -c Release -v quiet -nologo
dotnet build bench/ChatReport.Bench/ChatReport.Bench.csproj -c Release -v quiet -nologo
if [ ! -f bench/peer/node_modules/botbuilder-dialogs/package.json ]; then
  (cd bench/peer && npm ci --ignore-scripts --no-audit --no-fund)
fi
exec dotnet bench/ChatReport.Bench/bin/Release/net10.0/ChatReport.Bench.dll compare \
  --bot-dll bot/bin/Release/net10.0/ChatReport.Bot.dll --peer bench/peer "$@"
