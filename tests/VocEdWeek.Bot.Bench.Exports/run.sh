#!/usr/bin/env bash
# Benchmark of the five exports for a big week: 1,000 departments × 7 days of reports with cases and stories, statistics,
# plans with activities, summaries and ~5,000 media records in a real LiteDB file. Each export is written several times;
# the table gives the median time and the peak memory per export (and for all five in a row). Stops by itself.
#
#   bash tests/VocEdWeek.Bot.Bench.Exports/run.sh
#
# BENCH_DEPARTMENTS (1000), BENCH_MEDIA (5000), BENCH_RUNS (5). Table: artifacts/bench/exports.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/bench
mkdir -p "$out"
echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench.Exports -c Release -v quiet -nologo
dotnet tests/VocEdWeek.Bot.Bench.Exports/bin/Release/net10.0/VocEdWeek.Bot.Bench.Exports.dll \
  --departments "${BENCH_DEPARTMENTS:-1000}" --media "${BENCH_MEDIA:-5000}" --runs "${BENCH_RUNS:-5}" \
  --results "$out/exports.md"
