#!/usr/bin/env bash
# Where the bot's CPU goes under compare.sh's load, as CPU samples (perf, kernel time included), shared out over the
# request's parts by `perf-areas` (Profile/PerfAreas.cs). One compare.sh run of one row at 16 connections, primed, one
# round; perf records our bot's process during its round-1 warm-up and measured run.
#
#   bash tests/VocEdWeek.Bot.Bench/perf.sh
#
# PERF_ROW (submit; known, first), BENCH_* as compare.sh. Needs perf (apt: linux-perf) and root or
# kernel.perf_event_paranoid <= 1. Output: artifacts/perf/perf-areas.md, artifacts/perf/compare.log, the raw samples.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/perf
row="${PERF_ROW:-submit}"
mkdir -p "$out"
if ! command -v perf >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq linux-perf >/dev/null
fi
# JIT-compiled frames get names through the runtime's perf map; W^X off so perf sees the code where the map says it is.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
# One row alone primes 60 s (a full compare run primes three rows, 20 s each): with 20 s of one row the JIT has not yet
# reached its optimised code (0.7 ms per submit instead of 0.3, measured).
BENCH_PRIME="${BENCH_PRIME:-60}" BENCH_ROWS="$row" BENCH_CONNECTIONS=16 BENCH_ROUNDS=1 bash tests/VocEdWeek.Bot.Bench/compare.sh > "$out/compare.log" 2>&1 &
compare=$!
# Our bot's round-1 run begins once botbuilder's round-1 line is out.
until grep -Eq "round 1 $row +x16 +botbuilder" "$out/compare.log"; do
  kill -0 "$compare" 2>/dev/null || { tail -20 "$out/compare.log"; exit 1; }
  sleep 0.2
done
pid=$(pgrep -f "^dotnet artifacts/bench/publish/bot/VocEdWeek.Bot.dll")
perf record -q -e cpu-clock -F 1999 -g -p "$pid" -o "$out/bot.perf.data" -- sleep "$(( ${BENCH_WARMUP:-2} + ${BENCH_DURATION:-4} ))"
wait "$compare"
cpu=$(grep -E "round 1 $row +x16 +bot " "$out/compare.log" | sed -E 's/.*CPU ([0-9.]+) ms\/req.*/\1/')
perf script -i "$out/bot.perf.data" -F ip,sym,dso 2>/dev/null > "$out/bot.perf.txt"
{
  echo "# CPU of our bot, row $row, 16 connections ($(date -u '+%Y-%m-%d %H:%M') UTC; $cpu ms CPU per request measured in the same run)"
  echo
  dotnet tests/VocEdWeek.Bot.Bench/bin/Release/net10.0/VocEdWeek.Bot.Bench.dll perf-areas "$(awk "BEGIN{print $cpu*1000}")" < "$out/bot.perf.txt"
} > "$out/perf-areas.md"
grep -E "round 1 $row" "$out/compare.log"
cat "$out/perf-areas.md"
