#!/usr/bin/env bash
# THE 12:00 RUSH: 1,000 departments submit the daily report card with one photo between 11:59:00 and 11:59:59 on the
# rehearsal clock while the office asks "今天谁还没报送" every second; the 12:05 digest is checked. One row with the
# storage folder on tmpfs, one on disk; about 10 minutes each.
#
#   bash tests/reliability/rush/run.sh
#
# Release build, authentication on against local fakes of Teams' identity and connector on 127.0.0.1; nothing from
# outside. Table: artifacts/bench/rush.md (bot logs in artifacts/bench/logs/). Exits non-zero if anything was lost,
# stored twice, answered with an error or a wrong receipt, a photo differs, or the digest is wrong.
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v node >/dev/null || { echo "Node.js 20+ is required (node not found)." >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is required (it makes the run's test certificate)." >&2; exit 1; }
echo "==> build (Release): the bot and the store reader"
dotnet build tests/VocEdWeek.Bot.StoreReader -c Release -v quiet -nologo
# RUSH_NICE=-10 (root only) runs the script, and the bot it starts, ahead of other work on a busy shared machine.
${RUSH_NICE:+nice -n "$RUSH_NICE"} node tests/reliability/rush/rush.mjs
