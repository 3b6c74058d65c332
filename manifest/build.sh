#!/usr/bin/env bash
# Build the Teams app package artifacts/manifest/VocEdWeek.Bot.zip
# (manifest.json, en-us.json, color.png, outline.png at the zip root).
#
# Usage: build.sh [deployment-outputs.json]
#   deployment-outputs.json  what `az deployment group show -g <group> -n main --query properties.outputs`
#                     prints after infra/main.bicep is deployed (also DEPLOYMENT_OUTPUTS=<file>): MICROSOFT_APP_ID
#                     comes from its botAppId and BOT_DOMAIN from its webAppHostName, so the package
#                     names exactly the bot and host that were deployed.
#
# Placeholders ${{NAME}} in manifest.json / en-us.json are filled from env:
#   MICROSOFT_APP_ID  bot's Microsoft App ID (GUID; with a managed identity, its client id); default all-zero GUID
#   TEAMS_APP_ID      the Teams app's own id (GUID); default MICROSOFT_APP_ID. Microsoft 365 Agents Toolkit
#                     sets it from teamsApp/create.
#   BOT_DOMAIN        public host name of the bot, no scheme/path;
#                     default vocedweek.example.org
#   WEBSITE_URL       default https://$BOT_DOMAIN/
#   PRIVACY_URL       default https://$BOT_DOMAIN/privacy
#   TERMS_URL         default https://$BOT_DOMAIN/terms
#   BOT_BASE_URL      the bot's public https address (its Links:PublicBaseUrl) for the
#                     dashboard tab; default https://$BOT_DOMAIN; its host must be BOT_DOMAIN
#   TAB_SSO_CLIENT_ID the Entra app the dashboard tab signs in with (webApplicationInfo.id; the bot's
#                     TabSso:ClientId); default MICROSOFT_APP_ID. With a managed identity (UserAssignedMSI)
#                     it must be an app registration of its own (built from deployment outputs of a
#                     managed identity, the default is none). none = no webApplicationInfo: the tab
#                     then only says how to get a link. webApplicationInfo.resource is
#                     api://$BOT_DOMAIN/$TAB_SSO_CLIENT_ID
# Overrides for tests: MANIFEST_SRC (source folder, default: this folder),
#   OUT (zip path, default <repo>/artifacts/manifest/VocEdWeek.Bot.zip).
# Needs only bash and python3 (standard library).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

outputs="${1:-${DEPLOYMENT_OUTPUTS:-}}"
if [[ -n "$outputs" ]]; then
  # One line: "<botAppId> <webAppHostName>"; python3 explains a wrong or partial file itself.
  values="$(python3 - "$outputs" <<'PY'
import json, sys
path = sys.argv[1]
try:
    data = json.load(open(path, encoding="utf-8-sig"))
except (OSError, ValueError) as e:
    sys.exit(f"build.sh: cannot read the deployment outputs {path}: {e}")
def output(name):
    v = data.get(name) if isinstance(data, dict) else None
    v = v.get("value") if isinstance(v, dict) else v
    if not isinstance(v, str) or not v:
        sys.exit(f"build.sh: {path} has no output '{name}'; expected the JSON of "
                 "`az deployment group show -g <group> -n main --query properties.outputs`")
    return v
identity = data.get("identityClientId") if isinstance(data, dict) else None
identity = identity.get("value") if isinstance(identity, dict) else identity
print(output("botAppId"), output("webAppHostName"), identity if isinstance(identity, str) and identity else "-")
PY
)" || exit 2
  read -r out_app_id out_domain out_identity <<<"$values"
  # The bot runs as its managed identity, which cannot expose an API: no tab SSO unless its own app is named.
  if [[ "${out_app_id,,}" == "${out_identity,,}" && -z "${TAB_SSO_CLIENT_ID:-}" ]]; then
    export TAB_SSO_CLIENT_ID=none
    echo "build.sh: the bot is a managed identity; the package has no webApplicationInfo (set TAB_SSO_CLIENT_ID to the tab's own app registration for Teams SSO)" >&2
  fi
  for pair in "MICROSOFT_APP_ID=$out_app_id" "BOT_DOMAIN=$out_domain"; do
    name="${pair%%=*}"; value="${pair#*=}"
    if [[ -n "${!name:-}" && "${!name,,}" != "${value,,}" ]]; then
      echo "build.sh: $name is '${!name}' but the deployment outputs say '$value'; unset $name or use other outputs" >&2
      exit 2
    fi
    export "$name=$value"
  done
fi

export MICROSOFT_APP_ID="${MICROSOFT_APP_ID:-00000000-0000-0000-0000-000000000000}"
export TEAMS_APP_ID="${TEAMS_APP_ID:-$MICROSOFT_APP_ID}"
export TAB_SSO_CLIENT_ID="${TAB_SSO_CLIENT_ID:-$MICROSOFT_APP_ID}"
export BOT_DOMAIN="${BOT_DOMAIN:-vocedweek.example.org}"
export WEBSITE_URL="${WEBSITE_URL:-https://${BOT_DOMAIN}/}"
export PRIVACY_URL="${PRIVACY_URL:-https://${BOT_DOMAIN}/privacy}"
export TERMS_URL="${TERMS_URL:-https://${BOT_DOMAIN}/terms}"
BOT_BASE_URL="${BOT_BASE_URL:-https://${BOT_DOMAIN}}"
export BOT_BASE_URL="${BOT_BASE_URL%/}"
src="${MANIFEST_SRC:-$here}"
out="${OUT:-$repo/artifacts/manifest/VocEdWeek.Bot.zip}"

guid_re='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
for v in MICROSOFT_APP_ID TEAMS_APP_ID TAB_SSO_CLIENT_ID; do
  [[ "$v" == TAB_SSO_CLIENT_ID && "${!v}" == none ]] && continue
  if [[ ! "${!v}" =~ $guid_re ]]; then
    echo "build.sh: $v must be a GUID, got '${!v}'" >&2
    exit 2
  fi
done
domain_re='^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]+)?$'
if [[ ! "$BOT_DOMAIN" =~ $domain_re ]]; then
  echo "build.sh: BOT_DOMAIN must be a bare host name (no https://, no path), got '$BOT_DOMAIN'" >&2
  exit 2
fi
for v in WEBSITE_URL PRIVACY_URL TERMS_URL BOT_BASE_URL; do
  if [[ "${!v}" != https://* ]]; then
    echo "build.sh: $v must be an https:// URL, got '${!v}'" >&2
    exit 2
  fi
done

# The tab's page must be on a valid domain of the app, and the page adds its own paths.
base_host="${BOT_BASE_URL#https://}"
base_host="${base_host%%/*}"
if [[ "${base_host,,}" != "${BOT_DOMAIN,,}" ]]; then
  echo "build.sh: BOT_BASE_URL must be on BOT_DOMAIN ($BOT_DOMAIN), got '$BOT_BASE_URL'" >&2
  exit 2
fi
if [[ "$BOT_BASE_URL" == *[?#]* ]]; then
  echo "build.sh: BOT_BASE_URL must not have a query or fragment, got '$BOT_BASE_URL'" >&2
  exit 2
fi

mkdir -p "$(dirname "$out")"

python3 - "$src" "$out" <<'PY'
import json, os, re, sys, zipfile

src, out = sys.argv[1], sys.argv[2]
FILES = ["manifest.json", "en-us.json", "color.png", "outline.png"]
placeholder = re.compile(r"\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")

def fill(name):
    text = open(os.path.join(src, name), encoding="utf-8-sig").read()
    def sub(m):
        key = m.group(1)
        if key not in os.environ:
            sys.exit(f"build.sh: {name}: no value for placeholder ${{{{{key}}}}}")
        # JSON-escape the value, without the surrounding quotes.
        return json.dumps(os.environ[key], ensure_ascii=False)[1:-1]
    text = placeholder.sub(sub, text)
    data = json.loads(text)  # still valid JSON?
    if name == "manifest.json" and os.environ.get("TAB_SSO_CLIENT_ID") == "none":
        del data["webApplicationInfo"]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")

tmp = out + ".tmp"
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
    for name in FILES:
        data = fill(name) if name.endswith(".json") else open(os.path.join(src, name), "rb").read()
        info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))  # reproducible
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
os.replace(tmp, out)
shown = os.path.relpath(out)
print(f"build.sh: wrote {out if shown.startswith('..') else shown} ({', '.join(FILES)})")
PY
