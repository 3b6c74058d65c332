#!/usr/bin/env bash
# DISK FULL figure: the bot's storage folder on a tiny tmpfs (DISKFULL_MB, 16); photos through the upload page until
# they are refused, then the disk filled to the last byte from outside, daily reports until refused, then space freed
# under the running bot. Every acknowledgement must be stored, every refusal must say "服务器存储空间不足…", the bot
# must keep answering and take submissions again once there is room. Two passes: with the bot's free-space reserve
# (DISKFULL_RESERVE_MB, 4) and without one (0), where LiteDB itself meets "No space left on device".
#
#   bash tests/reliability/diskfull/run.sh      (as root: it mounts a tmpfs)
#
# Table: artifacts/reliability/diskfull.md (bot log in artifacts/reliability/logs/diskfull.log).
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ "$(id -u)" -ne 0 ]; then
  echo "The disk-full figure mounts a small tmpfs and needs root (mount -t tmpfs); run it as root. Nothing was measured." >&2
  exit 2
fi
command -v node >/dev/null || { echo "Node.js 20+ is required (node not found)." >&2; exit 1; }
echo "==> build (Release): the bot and the store reader"
dotnet build tests/VocEdWeek.Bot.StoreReader -c Release -v quiet -nologo
out=artifacts/reliability
rm -f "$out"/diskfull-reserve*.md
status=0
for reserve in "${DISKFULL_RESERVE_MB:-4}" 0; do
  echo "==> disk full: a ${DISKFULL_MB:-16} MiB tmpfs under the bot's storage folder, ${reserve} MiB reserve"
  DISKFULL_RESERVE_MB="$reserve" node tests/reliability/diskfull/diskfull.mjs || status=1
done
{ echo "### Disk full"; echo; for r in "${DISKFULL_RESERVE_MB:-4}" 0; do [ -f "$out/diskfull-reserve$r.md" ] && { cat "$out/diskfull-reserve$r.md"; echo; }; done; } >"$out/diskfull.md"
cat "$out/diskfull.md"
exit "$status"
