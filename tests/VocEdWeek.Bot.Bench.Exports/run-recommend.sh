#!/usr/bin/env bash
# Benchmark of "导出推荐材料": the package (docx, xlsx, zip) for 200 picked items with ~0.5 GiB and ~2 GiB of photos and
# videos (sparse files), through the real export pipeline into the local store. Time per file and peak RSS per size:
# the peak must not grow with the media. Needs ~5 GiB of free disk under the temp folder. Stops by itself.
#
#   bash tests/VocEdWeek.Bot.Bench.Exports/run-recommend.sh
#
# Table: artifacts/bench/recommend.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/bench
mkdir -p "$out"
echo "==> build (Release)"
dotnet build tests/VocEdWeek.Bot.Bench.Exports -c Release -v quiet -nologo
# One process per size, so each peak is measured from a fresh process.
dll=tests/VocEdWeek.Bot.Bench.Exports/bin/Release/net10.0/VocEdWeek.Bot.Bench.Exports.dll
dotnet "$dll" --recommend --gib 0.5 --results "$out/recommend.md"
dotnet "$dll" --recommend --gib 2 --results "$out/recommend.md" --append
