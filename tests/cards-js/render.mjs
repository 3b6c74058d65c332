// Renders expanded Adaptive Cards to PNG with the official `adaptivecards` JS renderer in headless
// Chromium (driven by playwright-core), so a person can look at them.
//
// Usage:
//   node render.mjs <folder of expanded card *.json> <output folder> [--width 500]
//
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); it never downloads a browser
// and blocks every network request from the page. Chinese needs a CJK font installed
// (Debian: fonts-noto-cjk). Writes <name>.png per card; exits 1 if any card failed to render.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const bundle = require.resolve("adaptivecards/dist/adaptivecards.min.js");

const CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

// A light, Teams-like host: white card, Segoe UI where present, Noto CJK for Chinese.
const HOST_CONFIG = {
    fontFamily: "'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans', sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    containerStyles: {
        default: { backgroundColor: "#FFFFFF", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
    },
};

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 12px; background: #f5f5f5; }
  #card { display: inline-block; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
</style></head><body><div id="card"></div></body></html>`;

function parseArgs(argv) {
    const positional = [];
    let width = 500;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--width") width = Number(argv[++i]);
        else positional.push(argv[i]);
    }
    if (positional.length !== 2 || !(width > 0)) {
        process.stderr.write("usage: node render.mjs <cards folder> <output folder> [--width 500]\n");
        process.exit(2);
    }
    return { input: positional[0], output: positional[1], width };
}

async function renderCard(page, card, width) {
    return page.evaluate(({ card, width, hostConfig }) => {
        const container = document.getElementById("card");
        container.style.width = `${width}px`;
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        adaptiveCard.parse(card);
        const element = adaptiveCard.render();
        if (!element) return "the renderer returned nothing";
        container.replaceChildren(element);
        return null;
    }, { card, width, hostConfig: HOST_CONFIG });
}

async function main() {
    const { input, output, width } = parseArgs(process.argv.slice(2));
    const files = readdirSync(input).filter((f) => f.endsWith(".json")).sort();
    mkdirSync(output, { recursive: true });

    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        headless: true,
        args: CHROMIUM_ARGS,
    });
    let failed = 0;
    try {
        const context = await browser.newContext({ viewport: { width: width + 60, height: 800 }, deviceScaleFactor: 1 });
        await context.route("**/*", (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(PAGE);
        await page.addScriptTag({ path: bundle });

        for (const file of files) {
            const target = join(output, basename(file, ".json") + ".png");
            try {
                const card = JSON.parse(readFileSync(join(input, file), "utf8"));
                const problem = await renderCard(page, card, width);
                if (problem) throw new Error(problem);
                await page.locator("#card").screenshot({ path: target });
                process.stdout.write(`${file} -> ${target}\n`);
            } catch (e) {
                failed++;
                process.stdout.write(`${file}: FAILED ${e.message}\n`);
            }
        }
    } finally {
        await browser.close();
    }
    process.stdout.write(`${files.length - failed} rendered, ${failed} failed\n`);
    process.exitCode = failed > 0 ? 1 : 0;
}

await main();
