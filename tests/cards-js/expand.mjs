// Expands Adaptive Card templates with the official `adaptivecards-templating` package,
// the reference our C# TemplateEngine must match (see TemplateEngineParityTests).
//
// Usage:
//   node expand.mjs [input.json]        (reads standard input when no file is given)
//
// Input is either one case            {"template": {...}, "data": {...}}
//   -> prints the expanded card; on a template error prints it to stderr and exits 1;
// or a batch                          {"cases": [{"name": "...", "template": {...}, "data": {...}}, ...]}
//   -> prints [{"name": "...", "result": ...} | {"name": "...", "error": "..."}, ...].
//
// A result of `undefined` (the whole template was dropped) is printed as null.
// Number formatting in the expression functions follows the process locale; run with
// LC_ALL=en_US.UTF-8 (the C# engine mirrors en-US).
import { readFileSync } from "node:fs";
import * as ACData from "adaptivecards-templating";

function expand(template, data) {
    const expanded = new ACData.Template(template).expand({ $root: data });
    return expanded === undefined ? null : expanded;
}

const inputPath = process.argv[2];
const input = JSON.parse(readFileSync(inputPath ?? 0, "utf8"));

if (Array.isArray(input.cases)) {
    const results = input.cases.map(({ name, template, data }) => {
        try {
            return { name, result: expand(template, data) };
        } catch (e) {
            return { name, error: String(e?.message ?? e) };
        }
    });
    process.stdout.write(JSON.stringify(results, null, 2) + "\n");
} else {
    try {
        process.stdout.write(JSON.stringify(expand(input.template, input.data), null, 2) + "\n");
    } catch (e) {
        process.stderr.write(`template error: ${e?.message ?? e}\n`);
        process.exit(1);
    }
}
