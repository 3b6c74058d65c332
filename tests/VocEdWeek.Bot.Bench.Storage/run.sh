#!/usr/bin/env bash
# Storage benchmark (issue 13): LiteDB×1, PostgreSQL×1 and PostgreSQL×3 (separate bot processes, JWT validation on, one
# private PostgreSQL cluster started by the bench): daily report submissions/s, "今天谁还没报送" answers/s, and the store
# query behind that answer alone, on the same 1,000-department week. Loopback only; stops by itself (about 3 minutes).
#
#   bash tests/VocEdWeek.Bot.Bench.Storage/run.sh
#
# BENCH_ROUNDS (3), BENCH_DURATION (seconds measured per load and target, 4), BENCH_WARMUP (1), BENCH_CONNECTIONS (16),
# BENCH_DEPARTMENTS (1000), BENCH_STORE_CALLS (store queries timed per round, 200), BENCH_BOT_LOG (the bots' log level,
# Warning). Needs PostgreSQL 15 (initdb, pg_ctl; test.sh installs it). Table: artifacts/bench/storage.md; the bots' logs
# in artifacts/bench/storage-logs/. Exits non-zero on any failed request, missing reply or unstored submit.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/bench
mkdir -p "$out"
rm -rf "$out/storage-logs"
echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench.Storage -c Release -v quiet -nologo
dotnet tests/VocEdWeek.Bot.Bench.Storage/bin/Release/net10.0/VocEdWeek.Bot.Bench.Storage.dll \
  --rounds "${BENCH_ROUNDS:-3}" --duration "${BENCH_DURATION:-4}" --warmup "${BENCH_WARMUP:-1}" \
  --connections "${BENCH_CONNECTIONS:-16}" --departments "${BENCH_DEPARTMENTS:-1000}" --store-calls "${BENCH_STORE_CALLS:-200}" \
  --results "$out/storage.md"
