#!/usr/bin/env bash
# Every reliability figure: runs each tests/reliability/<name>/run.sh that exists (fuzz, flood, faults, crash, diskfull, cluster, rush),
# then puts their tables together in artifacts/reliability/README.md and prints them. Long (minutes); not part of test.sh.
#
#   bash tests/reliability/run.sh
#
# Exits non-zero if any figure failed; the others still run.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=artifacts/reliability
mkdir -p "$out"
status=0
summary=()
for name in fuzz flood faults crash diskfull cluster rush; do
  script="tests/reliability/$name/run.sh"
  if [ ! -f "$script" ]; then
    echo "==> $name: no $script here, skipped"
    summary+=("$name: skipped (no script)")
    continue
  fi
  echo "==> $name"
  rm -f "$out/$name.md"
  if bash "$script"; then summary+=("$name: passed"); else rc=$?; status=1; summary+=("$name: FAILED (exit $rc)"); fi
done

{
  echo "# Reliability figures"
  echo
  echo "Measured by \`bash tests/reliability/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores."
  echo
  for name in fuzz flood faults crash diskfull cluster rush; do
    [ -f "$out/$name.md" ] && { cat "$out/$name.md"; echo; }
  done
  echo "## Outcome"
  echo
  for line in "${summary[@]}"; do echo "- $line"; done
} >"$out/README.md"
echo
cat "$out/README.md"
exit "$status"
