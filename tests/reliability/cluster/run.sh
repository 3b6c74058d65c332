#!/usr/bin/env bash
# CLUSTER figure: three bot instances on one PostgreSQL behind the repository's nginx site; 2,000 departments' daily reports
# through nginx; the scheduler's leader killed with SIGKILL half-way and started again; then every acknowledged submission
# stored once, the reminder slot and the digest run once, each reminder and the digest delivered once, and the leader
# takeover time.
#
#   bash tests/reliability/cluster/run.sh            # CLUSTER_DEPARTMENTS=2000, RUNS=1
#
# Release build, anonymous Development mode on 127.0.0.1, a private PostgreSQL cluster and a local fake Teams connector.
# Table: artifacts/reliability/cluster.md (logs in artifacts/reliability/logs/cluster-*). Exits non-zero on any violation.
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v node >/dev/null || { echo "Node.js 20+ is required (node not found)." >&2; exit 1; }
echo "==> build (Release): the bot"
dotnet build bot -c Release -v quiet -nologo
echo "==> cluster: ${CLUSTER_DEPARTMENTS:-2000} departments, three instances behind nginx, the leader killed half-way"
node tests/reliability/cluster/run.mjs
