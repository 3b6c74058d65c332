// node --test   (from manifest/validate): builds the real package and
// deliberately broken copies, and checks the validator's verdicts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validatePackage, readZip } from "./validate.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const manifestDir = path.resolve(here, "..");
const buildSh = path.join(manifestDir, "build.sh");
const FILES = ["manifest.json", "en-us.json", "color.png", "outline.png"];
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "vocedweek-manifest-"));
process.on("exit", () => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const env = {
  ...process.env,
  MICROSOFT_APP_ID: "4f6c2d1e-9b8a-4c3d-8e7f-123456789abc",
  BOT_DOMAIN: "vocedweek.contoso.edu.cn",
};

let n = 0;
function build(mutate) {
  const src = path.join(tmpRoot, `src${++n}`);
  fs.mkdirSync(src);
  for (const f of FILES) fs.copyFileSync(path.join(manifestDir, f), path.join(src, f));
  if (mutate) {
    const rd = (f) => JSON.parse(fs.readFileSync(path.join(src, f), "utf8"));
    const wr = (f, o) => fs.writeFileSync(path.join(src, f), JSON.stringify(o, null, 2));
    mutate({ src, rd, wr });
  }
  const out = path.join(tmpRoot, `pkg${n}.zip`);
  execFileSync("bash", [buildSh], { env: { ...env, MANIFEST_SRC: src, OUT: out }, stdio: "pipe" });
  return out;
}

const has = (list, re) => list.some((e) => re.test(e));

test("the real package has no errors and no warnings", async () => {
  const res = await validatePackage(build());
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.warnings, []);
  assert.equal(res.schemaVersion, "v1.30");
});

test("default build (no env) is valid, warns about the zero GUID", async () => {
  const out = path.join(tmpRoot, "default.zip");
  const clean = { ...process.env, OUT: out };
  for (const k of ["MICROSOFT_APP_ID", "TEAMS_APP_ID", "DEPLOYMENT_OUTPUTS", "BOT_DOMAIN", "WEBSITE_URL", "PRIVACY_URL", "TERMS_URL", "BOT_BASE_URL", "TAB_SSO_CLIENT_ID", "MANIFEST_SRC"]) delete clean[k];
  execFileSync("bash", [buildSh], { env: clean, stdio: "pipe" });
  const res = await validatePackage(out);
  assert.deepEqual(res.errors, []);
  assert.ok(has(res.warnings, /all-zero placeholder GUID/));
});

test("a command title over 128 characters is a schema error", async () => {
  const res = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    m.bots[0].commandLists[0].commands[1].title = "计划".repeat(65);
    wr("manifest.json", m);
  }));
  assert.ok(has(res.errors, /commandLists\/0\/commands\/1\/title must NOT have more than 128 characters/), res.errors.join("\n"));
});

test("13 commands in one list exceed the v1.30 limit of 12", async () => {
  const res = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    const cmds = m.bots[0].commandLists[0].commands;
    for (let i = cmds.length; i < 13; i++) cmds.push({ title: `命令${i}`, description: "x" });
    wr("manifest.json", m);
  }));
  assert.ok(has(res.errors, /commands must NOT have more than 12 items/), res.errors.join("\n"));
});

test("localization: too-long description.short and a key for a missing command", async () => {
  const res = await validatePackage(build(({ rd, wr }) => {
    const l = rd("en-us.json");
    l["description.short"] = "x".repeat(81);
    l["bots[0].commandLists[1].commands[9].title"] = "ghost";
    wr("en-us.json", l);
  }));
  assert.ok(has(res.errors, /en-us\.json.*description\.short must NOT have more than 80 characters/), res.errors.join("\n"));
  assert.ok(has(res.errors, /commands\[9\]\.title' points at a command that is not in manifest\.json/), res.errors.join("\n"));
});

test("wrong icon sizes and a non-white outline are package errors", async () => {
  const res = await validatePackage(build(({ src }) => {
    fs.copyFileSync(path.join(src, "color.png"), path.join(src, "outline.png"));
  }));
  assert.ok(has(res.errors, /icons\.outline.*must be 32x32 pixels, is 192x192/), res.errors.join("\n"));
  assert.ok(has(res.errors, /icons\.outline.*transparent/), res.errors.join("\n"));
});

test("missing required fields, bad GUID and an unbundled schema version", async () => {
  const res1 = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    delete m.accentColor;
    m.id = "not-a-guid";
    m.bots[0].commandLists[1].scopes.push("personal");
    wr("manifest.json", m);
  }));
  assert.ok(has(res1.errors, /must have required property 'accentColor'/), res1.errors.join("\n"));
  assert.ok(has(res1.errors, /\/id must match pattern/), res1.errors.join("\n"));
  assert.ok(has(res1.errors, /scope 'personal' already has command list 0/), res1.errors.join("\n"));

  const res2 = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    m.$schema = m.$schema.replace("v1.30", "v1.99");
    wr("manifest.json", m);
  }));
  assert.ok(has(res2.errors, /v1\.99\/MicrosoftTeams\.schema\.json is not bundled/), res2.errors.join("\n"));
});

test("files in a sub-folder of the zip are rejected", async () => {
  const out = path.join(tmpRoot, "nested.zip");
  execFileSync("python3", ["-c", `
import sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w") as z:
    for f in ${JSON.stringify(FILES)}:
        z.write(src + "/" + f, "appPackage/" + f)
`, manifestDir, out]);
  const res = await validatePackage(out);
  assert.ok(has(res.errors, /manifest\.json not found at the zip root/), res.errors.join("\n"));
  assert.ok(has(res.errors, /'appPackage\/manifest\.json' is not at the zip root/), res.errors.join("\n"));
});

test("the dashboard tab opens the bot's sign-in page on its own domain, in both languages", async () => {
  const out = build();
  const res = await validatePackage(out);
  assert.deepEqual(res.errors, []);
  const entries = readZip(fs.readFileSync(out));
  const m = JSON.parse(entries.get("manifest.json").toString("utf8"));
  const tab = m.staticTabs.find((t) => t.entityId === "dashboard");
  assert.equal(tab.contentUrl, "https://vocedweek.contoso.edu.cn/tab?lang={locale}");
  assert.equal(tab.websiteUrl, "https://vocedweek.contoso.edu.cn/dashboard");
  assert.deepEqual(tab.scopes, ["personal"]);
  assert.equal(tab.name, "进度看板");
  assert.ok(m.validDomains.includes("vocedweek.contoso.edu.cn"));
  assert.equal(m.staticTabs[0].entityId, "conversations", "the chat stays the first tab");
  const en = JSON.parse(entries.get("en-us.json").toString("utf8"));
  assert.equal(en[`staticTabs[${m.staticTabs.indexOf(tab)}].name`], "Dashboard");
  assert.ok(m.bots[0].commandLists[0].commands.some((c) => c.title === "看板"));
});

test("BOT_BASE_URL with a path is used as is; on another host or without https it is refused", () => {
  const out = path.join(tmpRoot, "base.zip");
  execFileSync("bash", [buildSh], { env: { ...env, BOT_BASE_URL: "https://vocedweek.contoso.edu.cn/bot/", OUT: out }, stdio: "pipe" });
  const m = JSON.parse(readZip(fs.readFileSync(out)).get("manifest.json").toString("utf8"));
  assert.equal(m.staticTabs.find((t) => t.entityId === "dashboard").contentUrl, "https://vocedweek.contoso.edu.cn/bot/tab?lang={locale}");
  for (const bad of ["http://vocedweek.contoso.edu.cn", "https://elsewhere.example.org", "https://vocedweek.contoso.edu.cn/?x=1"]) {
    assert.throws(() => execFileSync("bash", [buildSh], { env: { ...env, BOT_BASE_URL: bad, OUT: out }, stdio: "pipe" }),
      (e) => /BOT_BASE_URL/.test(String(e.stderr)), bad);
  }
});

test("a tab whose page is not on a valid domain is an error", async () => {
  const res = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    m.staticTabs.find((t) => t.entityId === "dashboard").contentUrl = "https://elsewhere.example.org/dashboard";
    wr("manifest.json", m);
  }));
  assert.ok(has(res.errors, /staticTabs\[1\]\.contentUrl: host 'elsewhere\.example\.org' is not in validDomains/), res.errors.join("\n"));
});

test("the package is built from the Azure deployment's outputs: bot id and host name", async () => {
  // The shape `az deployment group show … --query properties.outputs` prints for infra/main.bicep.
  const outputs = path.join(tmpRoot, "outputs.json");
  const botAppId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  const host = "vocedweek-x7k2.azurewebsites.net";
  fs.writeFileSync(outputs, JSON.stringify({
    webAppHostName: { type: "String", value: host },
    botAppId: { type: "String", value: botAppId },
    tenantId: { type: "String", value: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" },
  }));
  const clean = { ...process.env };
  for (const k of ["MICROSOFT_APP_ID", "TEAMS_APP_ID", "BOT_DOMAIN", "WEBSITE_URL", "PRIVACY_URL", "TERMS_URL", "BOT_BASE_URL", "TAB_SSO_CLIENT_ID", "MANIFEST_SRC"]) delete clean[k];
  const out = path.join(tmpRoot, "from-outputs.zip");
  execFileSync("bash", [buildSh, outputs], { env: { ...clean, OUT: out }, stdio: "pipe" });
  const res = await validatePackage(out);
  assert.deepEqual(res.errors, []);
  assert.deepEqual(res.warnings, []);
  const m = JSON.parse(readZip(fs.readFileSync(out)).get("manifest.json").toString("utf8"));
  assert.equal(m.id, botAppId);
  assert.equal(m.bots[0].botId, botAppId);
  assert.deepEqual(m.validDomains, [host]);
  assert.equal(m.staticTabs.find((t) => t.entityId === "dashboard").contentUrl, `https://${host}/tab?lang={locale}`);

  // Agents Toolkit creates the Teams app first and passes its own id.
  const teamsAppId = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
  execFileSync("bash", [buildSh], { env: { ...clean, DEPLOYMENT_OUTPUTS: outputs, TEAMS_APP_ID: teamsAppId, OUT: out }, stdio: "pipe" });
  const t = JSON.parse(readZip(fs.readFileSync(out)).get("manifest.json").toString("utf8"));
  assert.equal(t.id, teamsAppId);
  assert.equal(t.bots[0].botId, botAppId);

  // A leftover MICROSOFT_APP_ID of another bot, or a file that is not the outputs, is refused with the reason.
  assert.throws(() => execFileSync("bash", [buildSh, outputs], { env: { ...clean, MICROSOFT_APP_ID: "4f6c2d1e-9b8a-4c3d-8e7f-123456789abc", OUT: out }, stdio: "pipe" }),
    (e) => /MICROSOFT_APP_ID is '4f6c2d1e-9b8a-4c3d-8e7f-123456789abc' but the deployment outputs say/.test(String(e.stderr)));
  const wrong = path.join(tmpRoot, "not-outputs.json");
  fs.writeFileSync(wrong, JSON.stringify({ properties: {} }));
  assert.throws(() => execFileSync("bash", [buildSh, wrong], { env: { ...clean, OUT: out }, stdio: "pipe" }),
    (e) => /has no output 'botAppId'/.test(String(e.stderr)));
});

test("webApplicationInfo names the tab's sign-in app and its Application ID URI on the bot's domain", async () => {
  const read = (out) => JSON.parse(readZip(fs.readFileSync(out)).get("manifest.json").toString("utf8"));
  const own = read(build());
  assert.deepEqual(own.webApplicationInfo, { id: env.MICROSOFT_APP_ID, resource: `api://vocedweek.contoso.edu.cn/${env.MICROSOFT_APP_ID}` });

  // Its own app registration (a bot running as a managed identity needs one): TAB_SSO_CLIENT_ID.
  const sso = "b1e7c0de-5a5a-4c4c-9d9d-000000007ab5";
  const out = path.join(tmpRoot, "sso.zip");
  execFileSync("bash", [buildSh], { env: { ...env, TAB_SSO_CLIENT_ID: sso, OUT: out }, stdio: "pipe" });
  const res = await validatePackage(out);
  assert.deepEqual(res.errors, []);
  assert.deepEqual(read(out).webApplicationInfo, { id: sso, resource: `api://vocedweek.contoso.edu.cn/${sso}` });
  assert.equal(read(out).bots[0].botId, env.MICROSOFT_APP_ID);

  execFileSync("bash", [buildSh], { env: { ...env, TAB_SSO_CLIENT_ID: "none", OUT: out }, stdio: "pipe" });
  assert.equal(read(out).webApplicationInfo, undefined);
  assert.deepEqual((await validatePackage(out)).errors, []);
  assert.throws(() => execFileSync("bash", [buildSh], { env: { ...env, TAB_SSO_CLIENT_ID: "api://x", OUT: out }, stdio: "pipe" }),
    (e) => /TAB_SSO_CLIENT_ID must be a GUID/.test(String(e.stderr)));
});

test("a webApplicationInfo resource on another host, or for another id, is an error", async () => {
  const res = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    m.webApplicationInfo.resource = "api://elsewhere.example.org/${{TAB_SSO_CLIENT_ID}}";
    wr("manifest.json", m);
  }));
  assert.ok(has(res.errors, /webApplicationInfo\.resource.*host 'elsewhere\.example\.org' is not in validDomains/), res.errors.join("\n"));
  const res2 = await validatePackage(build(({ rd, wr }) => {
    const m = rd("manifest.json");
    m.webApplicationInfo.resource = "api://${{BOT_DOMAIN}}/1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    wr("manifest.json", m);
  }));
  assert.ok(has(res2.errors, /does not end with webApplicationInfo\.id/), res2.errors.join("\n"));
});

test("built from the outputs of a deployment whose bot is its managed identity, the package has no webApplicationInfo", () => {
  const outputs = path.join(tmpRoot, "msi-outputs.json");
  const id = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  fs.writeFileSync(outputs, JSON.stringify({
    webAppHostName: { type: "String", value: "vocedweek-x7k2.azurewebsites.net" },
    botAppId: { type: "String", value: id },
    identityClientId: { type: "String", value: id },
  }));
  const clean = { ...process.env };
  for (const k of ["MICROSOFT_APP_ID", "TEAMS_APP_ID", "BOT_DOMAIN", "BOT_BASE_URL", "TAB_SSO_CLIENT_ID", "MANIFEST_SRC"]) delete clean[k];
  const out = path.join(tmpRoot, "msi.zip");
  execFileSync("bash", [buildSh, outputs], { env: { ...clean, OUT: out }, stdio: "pipe" });
  assert.equal(JSON.parse(readZip(fs.readFileSync(out)).get("manifest.json").toString("utf8")).webApplicationInfo, undefined);
  const sso = "b1e7c0de-5a5a-4c4c-9d9d-000000007ab5";
  execFileSync("bash", [buildSh, outputs], { env: { ...clean, TAB_SSO_CLIENT_ID: sso, OUT: out }, stdio: "pipe" });
  assert.equal(JSON.parse(readZip(fs.readFileSync(out)).get("manifest.json").toString("utf8")).webApplicationInfo.id, sso);
});
