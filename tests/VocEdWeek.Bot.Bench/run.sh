#!/usr/bin/env bash
# Benchmark of POST /api/messages on this machine, loopback only, stopping by itself:
#   the real bot (JWT validation on, help card sent to a local fake connector)  vs  a bare ASP.NET Core endpoint.
# 1. the .NET load generator (in-process, see BenchEnvironment.cs), 2. wrk from a separate process.
#
#   bash tests/VocEdWeek.Bot.Bench/run.sh
#
# BENCH_DURATION (seconds measured per row, 10), BENCH_WARMUP (seconds, 3), BENCH_CONNECTIONS (16,64),
# BENCH_WRK (1; 0 skips wrk). TMPDIR=/dev/shm puts the bot's LiteDB on tmpfs (no disk flushes).
# Tables: artifacts/bench/dotnet.md and artifacts/bench/wrk.md. Exits non-zero on any request error.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${BENCH_DURATION:-10}"; warmup="${BENCH_WARMUP:-3}"; connections="${BENCH_CONNECTIONS:-16,64}"
out=artifacts/bench
bench=tests/VocEdWeek.Bot.Bench/bin/Release/net10.0/VocEdWeek.Bot.Bench.dll
mkdir -p "$out"
status=0

echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench -c Release -v quiet -nologo

echo "==> .NET load generator: ${warmup} s warm-up + ${duration} s per row, connections ${connections}"
dotnet "$bench" --duration "$duration" --warmup "$warmup" --connections "$connections" --results "$out/dotnet.md" || status=$?

[ "${BENCH_WRK:-1}" = 1 ] || exit "$status"
if ! command -v wrk >/dev/null; then
  echo "==> apt-get install wrk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null; } || { echo "wrk unavailable; skipped"; exit "$status"; }
fi

echo "==> wrk (separate process) against the same targets"
rows=$(tr ',' '\n' <<<"$connections" | wc -l)
rm -f "$out/endpoints.env" "$out/wrk.raw"
# --serve hosts the targets and stops by itself after this many seconds at the latest.
dotnet "$bench" --serve $(( (warmup + duration + 5) * 2 * rows + 60 )) --endpoints "$out/endpoints.env" >"$out/serve.log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
for _ in $(seq 300); do [ -f "$out/endpoints.env" ] || ! kill -0 "$serve_pid" 2>/dev/null && break; sleep 0.2; done
[ -f "$out/endpoints.env" ] || { cat "$out/serve.log"; echo "bench --serve did not start"; exit 1; }
set -a; . "$out/endpoints.env"; set +a
threads=$(nproc)
for c in $(tr ',' ' ' <<<"$connections"); do
  for target in bare bot; do
    url="$BENCH_BARE_URL"; [ "$target" = bot ] && url="$BENCH_BOT_URL"
    t=$(( c < threads ? c : threads ))
    BENCH_TARGET="$target-warmup" BENCH_CONNECTIONS="$c" BENCH_RUN="w$target$c" \
      wrk -t"$t" -c"$c" -d"${warmup}s" --timeout 30s -s tests/VocEdWeek.Bot.Bench/wrk/activity.lua "$url" | grep '^WRK' >>"$out/wrk.raw"
    BENCH_TARGET="$target" BENCH_CONNECTIONS="$c" BENCH_RUN="m$target$c" \
      wrk -t"$t" -c"$c" -d"${duration}s" --timeout 30s -s tests/VocEdWeek.Bot.Bench/wrk/activity.lua "$url" | grep '^WRK' | tee -a "$out/wrk.raw"
  done
done
kill -TERM "$serve_pid"; wait "$serve_pid" || true; trap - EXIT
calls=$(sed -nE 's/^CONNECTOR_CALLS ([0-9]+)/\1/p' "$out/serve.log")

awk -v calls="${calls:-?}" -f tests/VocEdWeek.Bot.Bench/wrk/report.awk "$out/wrk.raw" | tee "$out/wrk.md" || status=1
exit "$status"
