// Validate the VocEdWeek.Bot Teams app package offline.
//
//   node validate.mjs               build with ../build.sh, then validate
//                                   <repo>/artifacts/manifest/VocEdWeek.Bot.zip
//   node validate.mjs PACKAGE.zip   validate that zip only (no build)
//
// 1. Schema validation with Microsoft's @microsoft/app-manifest
//    (AppManifestUtils.validateAgainstSchema) using the JSON schemas bundled in
//    that npm package: the manifest against MicrosoftTeams.schema.json and
//    every localization file against MicrosoftTeams.Localization.schema.json
//    of the same version. A $schema URL whose schema is not bundled is an error
//    (we never download a schema at run time).
// 2. Package checks the schema cannot express: files at the zip root, icon
//    files present, PNG sizes 192x192 / 32x32, outline icon white on
//    transparent, manifestVersion matching $schema, leftover ${{...}}
//    placeholders, command lists consistent with bot scopes, localization keys
//    pointing at existing commands.
//
// Prints one line per problem and finally `manifest: N errors, M warnings`;
// exits 1 if there is any error.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const pkgJsonPath = require.resolve("@microsoft/app-manifest/package.json");
const validatorVersion = JSON.parse(fs.readFileSync(pkgJsonPath, "utf8")).version;
const bundledSchemaRoot = path.join(path.dirname(pkgJsonPath), "build", "json-schemas");

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");
const defaultZip = path.join(repoRoot, "artifacts", "manifest", "VocEdWeek.Bot.zip");

const errors = [];
const warnings = [];
const error = (where, msg) => errors.push(`${where}: ${msg}`);
const warn = (where, msg) => warnings.push(`${where}: ${msg}`);

// ---------------------------------------------------------------- zip reader
export function readZip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error("not a zip file (no end-of-central-directory record)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`corrupt zip local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    let data;
    if (method === 0) data = raw;
    else if (method === 8) data = zlib.inflateRawSync(raw);
    else throw new Error(`${name}: unsupported zip compression method ${method}`);
    if (typeof zlib.crc32 === "function" && (zlib.crc32(data) >>> 0) !== crc) {
      throw new Error(`${name}: CRC mismatch`);
    }
    entries.set(name, data);
  }
  return entries;
}

// ---------------------------------------------------------------- PNG reader
// Returns {width, height, colorType, bitDepth, hasAlpha, pixels?} where pixels
// (RGBA, 8 bit) is only decoded for 8-bit non-interlaced images.
export function readPng(buf) {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(sig)) throw new Error("not a PNG file");
  let p = 8;
  let ihdr = null;
  let palette = null;
  let trns = null;
  const idat = [];
  while (p + 8 <= buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString("latin1", p + 4, p + 8);
    const body = buf.subarray(p + 8, p + 8 + len);
    if (type === "IHDR") {
      ihdr = {
        width: body.readUInt32BE(0), height: body.readUInt32BE(4),
        bitDepth: body[8], colorType: body[9], interlace: body[12],
      };
    } else if (type === "PLTE") palette = body;
    else if (type === "tRNS") trns = body;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    p += 12 + len;
  }
  if (!ihdr) throw new Error("PNG without IHDR");
  const { width, height, bitDepth, colorType, interlace } = ihdr;
  const hasAlpha = colorType === 4 || colorType === 6 || trns !== null;
  const result = { width, height, bitDepth, colorType, hasAlpha };
  if (bitDepth !== 8 || interlace !== 0) return result;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  const stride = width * channels;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v;
      switch (f) {
        case 0: v = 0; break;
        case 1: v = a; break;
        case 2: v = b; break;
        case 3: v = (a + b) >> 1; break;
        case 4: {
          const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
          v = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter ${f}`);
      }
      line[x] = (line[x] + v) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      let r, g, bl, al = 255;
      if (colorType === 0) { r = g = bl = line[s]; if (trns && trns.length >= 2 && trns.readUInt16BE(0) === line[s]) al = 0; }
      else if (colorType === 2) { [r, g, bl] = [line[s], line[s + 1], line[s + 2]]; }
      else if (colorType === 3) {
        const i = line[s];
        [r, g, bl] = palette ? [palette[3 * i], palette[3 * i + 1], palette[3 * i + 2]] : [0, 0, 0];
        if (trns && i < trns.length) al = trns[i];
      } else if (colorType === 4) { r = g = bl = line[s]; al = line[s + 1]; }
      else { [r, g, bl, al] = [line[s], line[s + 1], line[s + 2], line[s + 3]]; }
      px[o] = r; px[o + 1] = g; px[o + 2] = bl; px[o + 3] = al;
    }
    prev = line;
  }
  result.pixels = px;
  return result;
}

// ---------------------------------------------------------------- helpers
// Validate with the package's own AppManifestUtils.validateAgainstSchema.
// Some bundled schemas (the Localization schemas of v1.2x/1.30) contain
// patterns such as `\[\b(...)\b]\.description$` whose lone `]` is legal in a
// plain JavaScript RegExp but not with the `u` flag Ajv uses by default, so
// the package's call throws while compiling. For those we compile the same
// schema with the same Ajv setup (draft-04, allErrors, strictTypes off,
// formats uri/email/regex) but with unicodeRegExp off, which reads the
// pattern exactly as Teams' own (non-unicode) regexes do.
const schemaNotes = new Set();
async function validateWithSchema(obj, schema, where) {
  try {
    return await AppManifestUtils.validateAgainstSchema(obj, schema);
  } catch (e) {
    if (!(e instanceof SyntaxError) || !/regular expression/i.test(e.message)) throw e;
    schemaNotes.add(`${where}: schema pattern not valid as a Unicode RegExp; compiled with unicodeRegExp=false`);
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ["uri", "email", "regex"]);
    const validate = ajv.compile(schema);
    if (validate(JSON.parse(JSON.stringify(obj)))) return [];
    return validate.errors.map((er) =>
      `${er.instancePath} ${er.message || ""}. Details: ${er.params ? JSON.stringify(er.params) : ""}`);
  }
}

const SCHEMA_URL_RE =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9A-Za-z.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

async function loadBundledSchema(url, where) {
  const m = SCHEMA_URL_RE.exec(url ?? "");
  if (!m) {
    error(where, `$schema '${url}' is not a Teams schema URL of the form https://developer.microsoft.com/json-schemas/teams/vX.Y/...`);
    return null;
  }
  const file = path.join(bundledSchemaRoot, "teams", m[1], m[2]);
  if (!fs.existsSync(file)) {
    error(where, `schema ${m[1]}/${m[2]} is not bundled in @microsoft/app-manifest ${validatorVersion} (offline validation impossible)`);
    return null;
  }
  // Same loader the package uses; it reads the bundled file (checked above).
  return { version: m[1], schema: await AppManifestUtils.fetchSchema(url) };
}

function parseJson(entries, name) {
  const data = entries.get(name);
  if (!data) return null;
  try {
    return JSON.parse(data.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    error(name, `invalid JSON: ${e.message}`);
    return null;
  }
}

function checkPlaceholders(name, obj) {
  const text = JSON.stringify(obj);
  const m = text.match(/\$\{\{[^}]*\}\}/g);
  if (m) error(name, `unfilled placeholder(s) ${[...new Set(m)].join(", ")} (build with manifest/build.sh)`);
}

function checkIcon(entries, rel, kind) {
  const where = `icons.${kind} (${rel})`;
  const data = entries.get(rel);
  if (!data) { error(where, "file not found at the zip root"); return; }
  let png;
  try { png = readPng(data); } catch (e) { error(where, e.message); return; }
  const want = kind === "outline" || kind === "color32x32" ? 32 : 192;
  if (png.width !== want || png.height !== want) {
    error(where, `must be ${want}x${want} pixels, is ${png.width}x${png.height}`);
  }
  if (kind !== "outline") return;
  if (!png.hasAlpha) { error(where, "outline icon must have a transparent background (no alpha channel)"); return; }
  if (!png.pixels) { warn(where, "pixels not inspected (not 8-bit non-interlaced)"); return; }
  let nonWhite = 0, opaqueBg = 0, ink = 0;
  const px = png.pixels;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] === 0) continue;
    ink++;
    if (px[i] < 250 || px[i + 1] < 250 || px[i + 2] < 250) nonWhite++;
  }
  for (const [x, y] of [[0, 0], [png.width - 1, 0], [0, png.height - 1], [png.width - 1, png.height - 1]]) {
    if (px[(y * png.width + x) * 4 + 3] !== 0) opaqueBg++;
  }
  if (nonWhite) error(where, `outline icon must be white on transparent; ${nonWhite} visible pixel(s) are not white`);
  if (opaqueBg) error(where, "outline icon background (corners) must be transparent");
  if (!ink) error(where, "outline icon is fully transparent");
}

function checkBots(manifest) {
  const bots = manifest.bots ?? [];
  bots.forEach((bot, b) => {
    const where = `bots[${b}]`;
    if (manifest.id && bot.botId && bot.botId.toLowerCase() !== manifest.id.toLowerCase()) {
      warn(where, `botId ${bot.botId} differs from app id ${manifest.id}`);
    }
    if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(bot.botId ?? "")) {
      warn(where, "botId is the all-zero placeholder GUID; set MICROSOFT_APP_ID before sideloading");
    }
    const botScopes = new Set(bot.scopes ?? []);
    const seen = new Map();
    (bot.commandLists ?? []).forEach((list, l) => {
      for (const s of list.scopes ?? []) {
        if (!botScopes.has(s)) error(`${where}.commandLists[${l}]`, `scope '${s}' is not in bots[${b}].scopes`);
        if (seen.has(s)) error(`${where}.commandLists[${l}]`, `scope '${s}' already has command list ${seen.get(s)}`);
        else seen.set(s, l);
      }
      const titles = new Set();
      (list.commands ?? []).forEach((c, i) => {
        const t = (c.title ?? "").trim().toLowerCase();
        if (!t) error(`${where}.commandLists[${l}].commands[${i}]`, "empty title");
        if (titles.has(t)) error(`${where}.commandLists[${l}].commands[${i}]`, `duplicate title '${c.title}'`);
        titles.add(t);
      });
    });
  });
}

// Teams loads a tab's page only from the app's validDomains (wildcards like *.example.org allowed).
function checkTabs(manifest) {
  const domains = (manifest.validDomains ?? []).map((d) => d.toLowerCase());
  const allowed = (host) => domains.some((d) => d === host
    || (d.startsWith("*.") && host.endsWith(d.slice(1)) && host.length > d.length - 1));
  (manifest.staticTabs ?? []).forEach((tab, i) => {
    for (const key of ["contentUrl", "websiteUrl"]) {
      const url = tab[key];
      if (!url) continue;
      const where = `staticTabs[${i}].${key}`;
      if (!/^https:\/\//i.test(url)) { error(where, `'${url}' must be an https:// URL`); continue; }
      const host = url.slice(8).split(/[/?#]/)[0].toLowerCase();
      if (!allowed(host)) error(where, `host '${host}' is not in validDomains`);
    }
  });
}

// Teams SSO (getAuthToken) asks Entra for a token for webApplicationInfo.resource, which Teams accepts only as
// api://{a valid domain}/{the app id}; the bot checks the token's audience against the same value.
function checkWebApplicationInfo(manifest) {
  const web = manifest.webApplicationInfo;
  if (!web) return;
  const domains = (manifest.validDomains ?? []).map((d) => d.toLowerCase());
  const m = /^api:\/\/([^/]+)\/(.+)$/i.exec(web.resource ?? "");
  if (!m) { error("webApplicationInfo.resource", `'${web.resource}' must be api://{host}/{id}`); return; }
  if (!domains.includes(m[1].toLowerCase())) error("webApplicationInfo.resource", `host '${m[1]}' is not in validDomains`);
  if (m[2].toLowerCase() !== String(web.id ?? "").toLowerCase()) error("webApplicationInfo.resource", `'${web.resource}' does not end with webApplicationInfo.id '${web.id}'`);
  if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(web.id ?? "")) warn("webApplicationInfo.id", "is the all-zero placeholder GUID; set TAB_SSO_CLIENT_ID (or MICROSOFT_APP_ID) before sideloading");
}

function checkLocalizationKeys(file, loc, manifest) {
  const re = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description|prompt)$/;
  const translated = new Set();
  for (const key of Object.keys(loc)) {
    const m = re.exec(key);
    if (!m) continue;
    const cmd = manifest.bots?.[+m[1]]?.commandLists?.[+m[2]]?.commands?.[+m[3]];
    if (!cmd) error(file, `key '${key}' points at a command that is not in manifest.json`);
    else if (cmd[m[4]] === undefined) error(file, `key '${key}' translates a field that manifest.json does not set`);
    else translated.add(key);
  }
  (manifest.bots ?? []).forEach((bot, b) => (bot.commandLists ?? []).forEach((list, l) =>
    (list.commands ?? []).forEach((c, i) => {
      const key = `bots[${b}].commandLists[${l}].commands[${i}].title`;
      if (!translated.has(key)) warn(file, `no translation for ${key} ('${c.title}')`);
    })));
}

// ---------------------------------------------------------------- main check
export async function validatePackage(zipPath) {
  errors.length = 0;
  warnings.length = 0;
  schemaNotes.clear();
  let entries;
  try {
    entries = readZip(fs.readFileSync(zipPath));
  } catch (e) {
    error(path.basename(zipPath), e.message);
    return { errors: [...errors], warnings: [...warnings] };
  }
  for (const name of entries.keys()) {
    if (name.includes("/") || name.includes("\\")) error("package", `'${name}' is not at the zip root (Teams expects all files at the root)`);
  }
  const manifest = parseJson(entries, "manifest.json");
  if (!entries.has("manifest.json")) error("package", "manifest.json not found at the zip root");
  if (!manifest) return { errors: [...errors], warnings: [...warnings] };

  checkPlaceholders("manifest.json", manifest);
  const loaded = await loadBundledSchema(manifest.$schema, "manifest.json");
  let schemaVersion = null;
  if (loaded) {
    schemaVersion = loaded.version;
    if (schemaVersion === "vDevPreview") error("manifest.json", "uses the developer-preview schema, not a GA one");
    else if (manifest.manifestVersion !== schemaVersion.slice(1)) {
      error("manifest.json", `manifestVersion '${manifest.manifestVersion}' does not match $schema ${schemaVersion}`);
    }
    for (const msg of await validateWithSchema(manifest, loaded.schema, "manifest.json")) {
      error("manifest.json (schema)", msg.trim());
    }
  }

  const referenced = new Set(["manifest.json"]);
  for (const [kind, rel] of Object.entries(manifest.icons ?? {})) {
    referenced.add(rel);
    checkIcon(entries, rel, kind);
  }

  if (manifest.description?.short && manifest.description.short === manifest.description.full) {
    error("manifest.json", "description.short and description.full must differ");
  }
  for (const d of manifest.validDomains ?? []) {
    if (/^[a-z]+:\/\//i.test(d) || d.includes("/")) error("manifest.json", `validDomains entry '${d}' must be a host name without scheme or path`);
  }
  checkBots(manifest);
  checkTabs(manifest);
  checkWebApplicationInfo(manifest);

  const li = manifest.localizationInfo;
  const locFiles = [];
  if (li?.defaultLanguageFile) locFiles.push([li.defaultLanguageTag, li.defaultLanguageFile]);
  for (const a of li?.additionalLanguages ?? []) locFiles.push([a.languageTag, a.file]);
  for (const [tag, file] of locFiles) {
    referenced.add(file);
    const where = `${file} (${tag})`;
    if (!entries.has(file)) { error(where, "localization file not found at the zip root"); continue; }
    const loc = parseJson(entries, file);
    if (!loc) continue;
    checkPlaceholders(file, loc);
    const url = loc.$schema ?? (schemaVersion
      ? `https://developer.microsoft.com/json-schemas/teams/${schemaVersion}/MicrosoftTeams.Localization.schema.json`
      : undefined);
    const locSchema = await loadBundledSchema(url, where);
    if (locSchema) {
      if (schemaVersion && locSchema.version !== schemaVersion) {
        warn(where, `localization schema ${locSchema.version} differs from manifest schema ${schemaVersion}`);
      }
      for (const msg of await validateWithSchema(loc, locSchema.schema, file)) {
        error(`${where} (schema)`, msg.trim());
      }
    }
    checkLocalizationKeys(where, loc, manifest);
  }
  for (const name of entries.keys()) {
    if (!referenced.has(name)) warn("package", `'${name}' is not referenced by manifest.json`);
  }
  return { errors: [...errors], warnings: [...warnings], notes: [...schemaNotes], schemaVersion };
}

async function main() {
  const args = process.argv.slice(2);
  let zipPath = args[0];
  if (!zipPath) {
    execFileSync("bash", [path.join(here, "..", "build.sh")], { stdio: "inherit" });
    zipPath = defaultZip;
  }
  const res = await validatePackage(zipPath);
  for (const e of res.errors) console.log(`error: ${e}`);
  for (const w of res.warnings) console.log(`warning: ${w}`);
  for (const n of res.notes ?? []) console.log(`note: ${n}`);
  console.log(`manifest: ${res.errors.length} errors, ${res.warnings.length} warnings ` +
    `(${path.basename(zipPath)}, schema ${res.schemaVersion ?? "?"}, @microsoft/app-manifest ${validatorVersion})`);
  process.exitCode = res.errors.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(`manifest: validator crashed: ${e.stack ?? e}`); process.exitCode = 2; });
}
