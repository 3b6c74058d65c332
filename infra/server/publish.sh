#!/usr/bin/env bash
# Publishes the bot as one self-contained linux-x64 folder: the .NET runtime travels with it, so the
# server needs no .NET install and a runtime update on the server cannot change the bot under it.
# Usage: infra/server/publish.sh [output folder]   (default: artifacts/server/vocedweek)
# Then copy the folder to /opt/vocedweek on the server (see README, "Own Linux server").
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-artifacts/server/vocedweek}"
rm -rf "$out"
# The SDK picks the runtime pack's version (the newest patch it knows); NuGet must serve
# Microsoft.NETCore.App.Runtime.linux-x64 and Microsoft.AspNetCore.App.Runtime.linux-x64 for it.
dotnet publish bot -c Release -r linux-x64 --self-contained true -o "$out" -v quiet -nologo
# The service starts the apphost directly (ExecStart=/opt/vocedweek/VocEdWeek.Bot).
chmod 755 "$out/VocEdWeek.Bot"
# Never ship a developer's settings file: production settings come from /etc/vocedweek/vocedweek.env.
rm -f "$out/appsettings.json" "$out/appsettings.Development.json"
echo "Published to $out ($(du -sh "$out" | cut -f1)); run it as: $out/VocEdWeek.Bot"
