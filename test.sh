#!/usr/bin/env bash
# Command 2: install what the tests need and run all of them: .NET unit/in-process tests, the card
# templating parity checks, the manifest validator, and the end-to-end tests in the Teams emulator.
# Prints one "N passed, N failed" line at the end; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p artifacts/test
passed=0; failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt+=(fonts-noto-cjk)
# LibreOffice (headless) and poppler open every export and turn it into PDF and PNG.
need_lean=()
command -v soffice >/dev/null || need_lean+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need_lean+=(poppler-utils)
# The production rehearsal (tests/server) runs the bot behind the real nginx with a certificate openssl makes.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need_lean+=(nginx)
command -v openssl >/dev/null || need_lean+=(openssl)
# The PostgreSQL store tests start a private cluster of their own (initdb, pg_ctl; Fakes/PostgresCluster).
{ command -v pg_ctl && command -v initdb; } >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_lean+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ${#need_lean[@]} -gt 0 ]; then
  echo "==> apt-get install ${need_lean[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_lean[@]}" >/dev/null
fi

for d in tests/e2e tests/cards-js manifest/validate; do
  if [ -f "$d/package-lock.json" ]; then
    echo "==> npm ci in $d"
    (cd "$d" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $d"; exit 1; }
  fi
done

echo "==> dotnet build"
dotnet build VocEdWeek.Bot.sln -c Release -v quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }
dotnet build bot -c Release -o artifacts/bot -v quiet -nologo >/dev/null || { echo "0 passed, 1 failed"; exit 1; }

# Adds the "Passed!/Failed!" totals of one dotnet test log; a run that printed none counts as one failure.
count_dotnet() {
  local line p f
  line=$(grep -E '(Passed|Failed)!' "$1" | tail -1)
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$line")
  if [ -z "$p" ]; then count 0 1; else count "$p" "${f:-0}"; fi
}

echo "==> dotnet test"
dotnet test tests/VocEdWeek.Bot.Tests -c Release --no-build -v quiet -nologo --logger "console;verbosity=minimal" 2>&1 | tee artifacts/test/dotnet.log
count_dotnet artifacts/test/dotnet.log

# The tests once more with the bot on PostgreSQL (each app on a fresh database of the private test cluster); the tests
# of the LiteDB file itself stay on LiteDB (README "PostgreSQL in tests"). Folders that never touch a store (protocol,
# cards, architecture, words, platform) ran above already and are left out, to keep CI within its time.
echo "==> dotnet test on PostgreSQL"
pg_filter=""
for folder in Protocol Cards Architecture Words Platform; do
  pg_filter="${pg_filter:+$pg_filter&}FullyQualifiedName!~VocEdWeek.Bot.Tests.$folder."
done
VOCEDWEEK_TEST_STORAGE=PostgreSql dotnet test tests/VocEdWeek.Bot.Tests -c Release --no-build -v quiet -nologo \
  --filter "$pg_filter" --logger "console;verbosity=minimal" 2>&1 | tee artifacts/test/dotnet-postgresql.log
count_dotnet artifacts/test/dotnet-postgresql.log

if [ -f manifest/validate/validate.mjs ]; then
  echo "==> manifest validator"
  (cd manifest/validate && node --test 2>&1) | tee artifacts/test/manifest.log
  p=$(sed -nE 's/^# pass ([0-9]+)/\1/p' artifacts/test/manifest.log); f=$(sed -nE 's/^# fail ([0-9]+)/\1/p' artifacts/test/manifest.log)
  count "${p:-0}" "${f:-1}"
  if (cd manifest/validate && node validate.mjs); then count 1 0; else count 0 1; fi
fi

echo "==> end-to-end tests in Microsoft 365 Agents Playground"
(cd tests/e2e && BOT_DLL="$PWD/../../artifacts/bot/VocEdWeek.Bot.dll" node --test --test-concurrency=1 specs/ 2>&1) | tee artifacts/test/e2e.log
p=$(sed -nE 's/^# pass ([0-9]+)/\1/p' artifacts/test/e2e.log); f=$(sed -nE 's/^# fail ([0-9]+)/\1/p' artifacts/test/e2e.log)
count "${p:-0}" "${f:-1}"

echo "==> production rehearsal: the published bot in Production behind nginx (TLS 1.2 and 1.3)"
(cd tests/server && node --test --test-concurrency=1 rehearsal.test.mjs 2>&1) | tee artifacts/test/server.log
p=$(sed -nE 's/^# pass ([0-9]+)/\1/p' artifacts/test/server.log); f=$(sed -nE 's/^# fail ([0-9]+)/\1/p' artifacts/test/server.log)
count "${p:-0}" "${f:-1}"

echo "==> three instances behind nginx on one PostgreSQL, the scheduler's leader killed (300 departments)"
(cd tests/server && CLUSTER_DEPARTMENTS=300 node --test --test-concurrency=1 cluster.test.mjs 2>&1) | tee artifacts/test/cluster.log
p=$(sed -nE 's/^# pass ([0-9]+)/\1/p' artifacts/test/cluster.log); f=$(sed -nE 's/^# fail ([0-9]+)/\1/p' artifacts/test/cluster.log)
count "${p:-0}" "${f:-1}"

echo
echo "Screenshots and logs: artifacts/"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
