#!/usr/bin/env bash
# Benchmark of proactive delivery: 1,000 reminders through the real outbox and the real connector client
# against the tests' FakeConnector, which answers 429 past Teams' per-thread limits. Loopback only; stops by itself.
#
#   bash tests/VocEdWeek.Bot.Bench.Reminders/run.sh
#
# BENCH_REMINDERS (1000), BENCH_THREAD (70 notices into one channel; 0 skips), BENCH_CLIENT_RPS (the client's own
# per-tenant ceilings to try, "30,45"), BENCH_TENANT_LIMIT (the fake's per-tenant 429 threshold, 50), BENCH_PARALLEL (outbox sends in
# flight, 8). Table: artifacts/bench/reminders.md. Exits non-zero if a job was not sent or any 429 came back.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/bench
mkdir -p "$out"
echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench.Reminders -c Release -v quiet -nologo
dotnet tests/VocEdWeek.Bot.Bench.Reminders/bin/Release/net10.0/VocEdWeek.Bot.Bench.Reminders.dll \
  --reminders "${BENCH_REMINDERS:-1000}" --thread "${BENCH_THREAD:-70}" --parallel "${BENCH_PARALLEL:-8}" \
  --client-rps "${BENCH_CLIENT_RPS:-30,45}" --tenant-limit "${BENCH_TENANT_LIMIT:-50}" \
  --results "$out/reminders.md"
