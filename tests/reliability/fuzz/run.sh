#!/usr/bin/env bash
# Fuzzing figure: mutations of every recorded Teams payload against the real bot process on loopback.
#   bash tests/reliability/fuzz/run.sh
# FUZZ_TOTAL (10000 requests spread over all payloads) or FUZZ_PER_PAYLOAD (that many of each), FUZZ_CONCURRENCY (8).
# Runs inside a fresh network namespace when it can (root + unshare): then nothing can leave the machine even in theory.
# Table: artifacts/reliability/fuzz.md. Exits non-zero on any 5xx, connection error or leaked internals.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mkdir -p artifacts/reliability
echo "==> build the bot (Release)"
dotnet build bot/VocEdWeek.Bot.csproj -c Release -v quiet -nologo -o artifacts/reliability/fuzz-bot >/dev/null
dll=artifacts/reliability/fuzz-bot/VocEdWeek.Bot.dll
echo "==> fuzz"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
  unshare -n sh -c 'ip link set lo up && exec node tests/reliability/fuzz/fuzz.mjs "$0" "$1"' "$dll" "$PWD"
else
  node tests/reliability/fuzz/fuzz.mjs "$dll" "$PWD"
fi
