#!/usr/bin/env bash
# Relays one large file (1 GiB by default) the way the bot does — a local "Teams download" server →
# AttachmentDownloader → LocalFileStore → SharePointFileStore upload session (10 MiB chunks) → a fake Graph that
# checks every Content-Range and keeps only size + quickXorHash — and reports peak RSS (VmHWM), the GC heap's
# peak and throughput, next to a plain HttpClient download of the same bytes to a file. The fake servers run in
# their own process; copy and relay each run in a fresh process so each peak is their own. Loopback only.
#
#   bash tests/VocEdWeek.Bot.Bench.Files/run.sh            # BENCH_FILE_MB=1024 by default
#
# TMPDIR chooses the disk the local copy goes to. Table: artifacts/bench/files.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench.Files -c Release -v quiet -nologo
dotnet tests/VocEdWeek.Bot.Bench.Files/bin/Release/net10.0/VocEdWeek.Bot.Bench.Files.dll \
  --size-mb "${BENCH_FILE_MB:-1024}" --results artifacts/bench/files.md
