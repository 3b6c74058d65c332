#!/usr/bin/env bash
# Command 1: run the bot locally with embedded defaults (anonymous mode, LiteDB + local folder)
# together with Microsoft 365 Agents Playground, the local Teams emulator. No Azure needed.
set -euo pipefail
cd "$(dirname "$0")"
BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20+ is required for the Teams emulator (node not found)." >&2; exit 1; }

echo "==> building the bot"
dotnet build bot -c Release -o artifacts/bot -v quiet -nologo
if [ ! -d tests/e2e/node_modules ]; then
  echo "==> installing Microsoft 365 Agents Playground (pinned in tests/e2e/package.json)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export MicrosoftAppId="${MicrosoftAppId:-}"
export Storage__Directory="${Storage__Directory:-$PWD/data}"
if [ -z "${Week__DefinitionFile:-}" ] && [ -f bot/Weeks/Samples/2024-wuxi.json ]; then export Week__DefinitionFile="$PWD/bot/Weeks/Samples/2024-wuxi.json"; fi
# Rehearsal clock: the sample week is 2024; start "on" its third day unless told otherwise (Clock__StartAt= to use the real clock).
export Clock__StartAt="${Clock__StartAt-2024-05-14T09:30:00+08:00}"
# Upload page, dashboard and export links point at this local address.
export Links__PublicBaseUrl="${Links__PublicBaseUrl:-http://localhost:${BOT_PORT}}"
dotnet artifacts/bot/VocEdWeek.Bot.dll --urls "http://127.0.0.1:${BOT_PORT}" &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:${BOT_PORT}/healthz" >/dev/null && break; sleep 0.2; done

mkdir -p artifacts/playground
(cd artifacts/playground && TEAMSAPPTESTER_BROWSER=none \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$OLDPWD/tests/e2e/$([ "${PLAYGROUND_AS:-liaison}" = office ] && echo playground/office.yml || echo .m365agentsplayground.yml)" \
  node "$OLDPWD/tests/e2e/node_modules/@microsoft/m365agentsplayground/cli.js" start \
    -p "$PLAYGROUND_PORT" -e "http://127.0.0.1:${BOT_PORT}/api/messages" --disable-telemetry) &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:${PLAYGROUND_PORT}/_debug/ping" >/dev/null && break; sleep 0.2; done

cat <<MSG

  VocEdWeek.Bot is running (anonymous local mode, data in ${Storage__Directory}).
  Open the Teams emulator:  http://localhost:${PLAYGROUND_PORT}/
  (if that port was taken, the emulator printed the one it chose above)
  You are 张伟, liaison of 机电工程学院 (PLAYGROUND_AS=office ./run.sh makes you office staff 吴苏玲).
  Try: "帮助", "计划", "日报", "上传链接"; as office staff "今天谁还没报送", "看板", "导出统计表";
  in the team channel: "@职教活动周助手 设为通知频道".
  Ctrl-C stops both.

MSG
wait
