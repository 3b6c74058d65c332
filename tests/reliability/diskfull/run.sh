#!/usr/bin/env bash
# DISK FULL figure: the bot's storage folder on a tiny tmpfs (DISKFULL_MB, 16; the bot keeps DISKFULL_RESERVE_MB, 4, free); photos through the upload page and
# daily reports until it is full, then space freed under the running bot. Every acknowledgement must be stored, every
# refusal must say "服务器存储空间不足…", the bot must keep running and take submissions again once there is room.
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
echo "==> disk full: a ${DISKFULL_MB:-16} MiB tmpfs under the bot's storage folder"
node tests/reliability/diskfull/diskfull.mjs
