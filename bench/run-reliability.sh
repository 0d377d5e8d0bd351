#!/usr/bin/env bash
# Reliability checks against ChatReport's Release build, each bounded and on loopback. Each prints
# what it counted and exits non-zero on a violation; this script runs the ones named (default: all
# but soak) and exits non-zero if any failed.
#   bench/run-reliability.sh [crash] [redelivery] [flaky] [fuzz] [soak]
#   extra options go through BENCH_ARGS, e.g. BENCH_ARGS="--minutes 10 --rate 50" bench/run-reliability.sh soak
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build bot/ChatReport.Bot.csproj -c Release -v quiet -nologo || exit 2
dotnet build bench/ChatReport.Bench/ChatReport.Bench.csproj -c Release -v quiet -nologo || exit 2
checks=("$@")
[ ${#checks[@]} -eq 0 ] && checks=(redelivery crash flaky fuzz)
failed=0
for check in "${checks[@]}"; do
  echo "== $check (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  dotnet bench/ChatReport.Bench/bin/Release/net10.0/ChatReport.Bench.dll "$check" \
    --bot-dll bot/bin/Release/net10.0/ChatReport.Bot.dll ${BENCH_ARGS:-} || failed=1
done
exit $failed
