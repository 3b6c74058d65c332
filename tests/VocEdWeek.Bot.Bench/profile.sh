#!/usr/bin/env bash
# Profile of the bot's request path under load, loopback only, stopping by itself:
#   the bench's setup (real bot, JWT validation on, help card replies to the fake connector), "help" over 2,000
#   conversations the bot already knows, with an EventPipe session on the process (CPU samples with stacks,
#   allocation ticks, GC), read back with TraceEvent into a table of where the CPU and the allocations go per request.
#
#   bash tests/VocEdWeek.Bot.Bench/profile.sh
#
# PROFILE_DURATION (seconds per measured row, 15), PROFILE_WARMUP (seconds, 5), PROFILE_CONNECTIONS (16),
# PROFILE_CONVERSATIONS (2000), PROFILE_KIND (help; submit = the daily report card's Action.Execute from 2,000 liaisons,
# stored before the receipt; TMPDIR=/dev/shm puts the bot's LiteDB file on tmpfs), PROFILE_STREAM (known; first = every
# bot request from a chat never seen, as compare.sh's row "first"). Output: artifacts/profile/profile.md and the trace artifacts/profile/bot.nettrace
# (read it again after changing Profile/CostAreas.cs: dotnet <bench dll> analyze <trace> <requests> <cpu µs/request>).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/profile
mkdir -p "$out"
echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench -c Release -v quiet -nologo
echo "==> profile"
dotnet tests/VocEdWeek.Bot.Bench/bin/Release/net10.0/VocEdWeek.Bot.Bench.dll profile --kind "${PROFILE_KIND:-help}" \
  --duration "${PROFILE_DURATION:-15}" --warmup "${PROFILE_WARMUP:-5}" \
  --connections "${PROFILE_CONNECTIONS:-16}" --conversations "${PROFILE_CONVERSATIONS:-2000}" \
  --stream "${PROFILE_STREAM:-known}" --out "$out"
