#!/usr/bin/env bash
# Side by side, in one run: Microsoft's Bot Framework SDK for JavaScript (botbuilder 4.23.3 echo bot, JWT validation on),
# our bot (published Release, JWT validation on, help card) and a bare ASP.NET Core endpoint (the ceiling).
# Each target is its own process pinned alone to core 0; wrk and the fakes (OpenID metadata, connector, token
# endpoint) run on core 1. Rounds interleave the targets; medians go to artifacts/bench/compare.md.
#
#   bash tests/VocEdWeek.Bot.Bench/compare.sh
#
# BENCH_DURATION (seconds measured per run, 4), BENCH_WARMUP (seconds, 2), BENCH_PRIME (seconds each target runs each row
# unmeasured before round 1, 20; 0 skips it), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16,64),
# BENCH_ROWS (known,first,submit), BENCH_KNOWN_CONVERSATIONS (8000: chats the "help" row rotates over).
# TMPDIR=/dev/shm puts the bot's LiteDB on tmpfs.
# Exits non-zero if any request failed, connector calls per request were not as expected (1 per reply, 0 for the
# submit row's receipt in the invoke response), or a receipt the bot gave was not stored exactly once.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/bench
bench=tests/VocEdWeek.Bot.Bench/bin/Release/net10.0/VocEdWeek.Bot.Bench.dll
[ "$(nproc --all)" -ge 2 ] || { echo "needs 2 cores: the targets on core 0, wrk and the fakes on core 1"; exit 2; }
mkdir -p "$out"

echo "==> $(date -u +%H:%M:%S) build the bench, publish the bot (Release)"
dotnet build tests/VocEdWeek.Bot.Bench -c Release -v quiet -nologo
rm -rf "$out/publish/bot"
dotnet publish bot -c Release -v quiet -nologo -o "$out/publish/bot"

echo "==> $(date -u +%H:%M:%S) botbuilder (npm ci, versions pinned by package-lock.json; skipped when node_modules is newer than the lock)"
(cd tests/VocEdWeek.Bot.Bench/botbuilder && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })

if ! command -v wrk >/dev/null; then
  echo "==> apt-get install wrk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

echo "==> $(date -u +%H:%M:%S) measure (the bench stops by itself)"
taskset -c 1 dotnet "$bench" --compare --bot-dll "$out/publish/bot/VocEdWeek.Bot.dll" \
  --duration "${BENCH_DURATION:-4}" --warmup "${BENCH_WARMUP:-2}" --prime "${BENCH_PRIME:-20}" --rounds "${BENCH_ROUNDS:-3}" \
  --connections "${BENCH_CONNECTIONS:-16,64}" --rows "${BENCH_ROWS:-known,first,submit}" \
  --known-conversations "${BENCH_KNOWN_CONVERSATIONS:-8000}" --results "$out/compare.md"
