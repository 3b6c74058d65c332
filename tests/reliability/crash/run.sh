#!/usr/bin/env bash
# CRASH figure: SIGKILL the real bot during 200 concurrent daily-report submissions, restart it on the same folder,
# and check that every acknowledged submission is stored and the database opens — 10 times (RUNS=10).
#
#   bash tests/reliability/crash/run.sh
#
# Release build, anonymous Development mode on 127.0.0.1, a local fake Teams connector; nothing from outside.
# Table: artifacts/reliability/crash.md (bot logs in artifacts/reliability/logs/). Exits non-zero if anything
# acknowledged was lost or the database did not open.
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v node >/dev/null || { echo "Node.js 20+ is required (node not found)." >&2; exit 1; }
echo "==> build (Release): the bot and the store reader"
dotnet build tests/VocEdWeek.Bot.StoreReader -c Release -v quiet -nologo
echo "==> crash: ${RUNS:-10} runs of ${SUBMISSIONS:-200} concurrent submissions, SIGKILL in the middle"
node tests/reliability/crash/crash.mjs
