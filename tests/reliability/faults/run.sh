#!/usr/bin/env bash
# FAULTS figure: the 09:00 reminder to 300 liaisons from the bot (its own process, Release, 127.0.0.1) while a local
# connector answers 10 % of the sends 429, 10 % 503, and posts 10 % but answers after the bot's timeout. Then the
# bot's own outbox records are read from its database and set against what the connector really posted.
# Stops by itself (about two minutes); needs only the .NET SDK.
#
#   bash tests/reliability/faults/run.sh          FAULTS_LIAISONS (300)
#
# Table: artifacts/reliability/faults.md. Exits non-zero if a reminder was lost (not delivered, not reported) or duplicated.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mkdir -p artifacts/reliability
echo "==> build (Release)"
dotnet build bot -c Release -v quiet -nologo
dotnet build tests/reliability/faults -c Release -v quiet -nologo
echo "==> faults"
dotnet tests/reliability/faults/bin/Release/net10.0/VocEdWeek.Bot.Reliability.Faults.dll --repo . \
  --liaisons "${FAULTS_LIAISONS:-300}" --results artifacts/reliability/faults.md --log artifacts/reliability/faults-bot.log
