// Checks expanded Adaptive Cards with the official `adaptivecards` package: parse (no DOM needed)
// plus its property validation, and reports every event it logs.
//
// Usage:
//   node validate.mjs <card.json | folder> [more files or folders...]
//
// Folders are searched recursively for *.json. Hints, deprecations and input-label advice count as
// warnings, every other event as an error. Prints one line per event and a summary with counts; exits
// 1 when there is any error or warning, 2 on bad usage or unreadable JSON.
import { createRequire } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// The package's lib/ is ESM without file extensions (not loadable by Node); its UMD bundle is.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

const WARNING_EVENTS = new Set([
    AC.ValidationEvent.Hint,
    AC.ValidationEvent.Deprecated,
    AC.ValidationEvent.RequiredInputsShouldHaveLabel,
    AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);

function collectFiles(path) {
    if (statSync(path).isDirectory()) {
        return readdirSync(path).sort().flatMap((name) => {
            const child = join(path, name);
            return statSync(child).isDirectory() || name.endsWith(".json") ? collectFiles(child) : [];
        });
    }
    return [path];
}

/** Returns [{severity, phase, event, message}] for one card payload. */
function validateCard(payload) {
    if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
        return [{ severity: "error", phase: "Parse", event: "Other", message: "The card must be a JSON object." }];
    }
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(payload, context);

    const events = [];
    for (let i = 0; i < context.eventCount; i++) {
        events.push(context.getEventAt(i));
    }
    events.push(...card.validateProperties().validationEvents);

    return events.map((e) => ({
        severity: WARNING_EVENTS.has(e.event) ? "warning" : "error",
        phase: AC.ValidationPhase[e.phase],
        event: AC.ValidationEvent[e.event],
        message: e.message,
    }));
}

function main(args) {
    if (args.length === 0) {
        process.stderr.write("usage: node validate.mjs <card.json | folder> [...]\n");
        return 2;
    }
    let cards = 0, errors = 0, warnings = 0, unreadable = 0;
    for (const file of args.flatMap(collectFiles)) {
        const rel = relative(process.cwd(), file);
        const name = rel && !rel.startsWith("..") ? rel : file;
        let payload;
        try {
            payload = JSON.parse(readFileSync(file, "utf8"));
        } catch (e) {
            process.stdout.write(`${name}: cannot read JSON: ${e.message}\n`);
            unreadable++;
            continue;
        }
        cards++;
        const events = validateCard(payload);
        for (const e of events) {
            process.stdout.write(`${name}: ${e.severity} [${e.phase}/${e.event}] ${e.message}\n`);
        }
        errors += events.filter((e) => e.severity === "error").length;
        warnings += events.filter((e) => e.severity === "warning").length;
        if (events.length === 0) process.stdout.write(`${name}: ok\n`);
    }
    process.stdout.write(`${cards} card(s), ${errors} error(s), ${warnings} warning(s)\n`);
    if (unreadable > 0) return 2;
    return errors + warnings > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
