#!/usr/bin/env bash
# FLOOD figure: one user sends 2,000 messages in 3 s to the bot (its own process, Release, 127.0.0.1) while 20 other
# users write at human pace; a local fake connector answers 429 past Teams' per-chat limits. Stops by itself
# (about a minute); needs only the .NET SDK.
#
#   bash tests/reliability/flood/run.sh          FLOOD_MESSAGES (2000), FLOOD_SECONDS (3)
#
# Table: artifacts/reliability/flood.md. Exits non-zero if any flood answer was not a 200 within 15 s or an error was logged.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mkdir -p artifacts/reliability
echo "==> build (Release)"
dotnet build bot -c Release -v quiet -nologo
dotnet build tests/reliability/flood -c Release -v quiet -nologo
echo "==> flood"
dotnet tests/reliability/flood/bin/Release/net10.0/VocEdWeek.Bot.Reliability.Flood.dll --repo . \
  --messages "${FLOOD_MESSAGES:-2000}" --seconds "${FLOOD_SECONDS:-3}" --results artifacts/reliability/flood.md --log artifacts/reliability/flood-bot.log
