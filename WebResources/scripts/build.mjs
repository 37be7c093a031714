// Bundles each web resource into one ES2017 IIFE with a dotted global, copies the map page, and
// writes dist/constants.json. The output tree mirrors the web resource names (dist/rel_/scripts/…).
// Usage: node scripts/build.mjs [--dev] [--constants-only]
import { build } from "esbuild";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const dev = process.argv.includes("--dev");
const constantsOnly = process.argv.includes("--constants-only");

/** Loads the TypeScript constants by bundling them in memory, so names are spelled only in src/shared/schema.ts. */
async function loadConstants() {
    const result = await build({
        entryPoints: [join(root, "src/shared/constantsDocument.ts")],
        bundle: true,
        format: "esm",
        platform: "neutral",
        write: false,
        logLevel: "silent",
    });
    const source = Buffer.from(result.outputFiles[0].contents).toString("base64");
    const module = await import(`data:text/javascript;base64,${source}`);
    return module.constantsDocument();
}

const constants = await loadConstants();
await mkdir(dist, { recursive: true });
await writeFile(join(dist, "constants.json"), `${JSON.stringify(constants, null, 2)}\n`);
console.log("wrote dist/constants.json");
if (constantsOnly) {
    process.exit(0);
}

await rm(join(dist, "rel_"), { recursive: true, force: true });
const names = constants.webResources;
const bundles = [
    { entry: "src/contactform/index.ts", globalName: "CrmRelationship.ContactForm", out: names.contactForm },
    { entry: "src/accountform/index.ts", globalName: "CrmRelationship.AccountForm", out: names.accountForm },
    { entry: "src/stakeholdermap/index.ts", globalName: "CrmRelationship.StakeholderMap", out: names.stakeholderMapScript },
];
for (const bundle of bundles) {
    await build({
        entryPoints: [join(root, bundle.entry)],
        outfile: join(dist, bundle.out),
        bundle: true,
        format: "iife",
        globalName: bundle.globalName,
        target: "es2017",
        platform: "browser",
        minify: !dev,
        sourcemap: dev ? "inline" : false,
        legalComments: "none",
        logLevel: "warning",
    });
    console.log(`built dist/${bundle.out} (${bundle.globalName})`);
}
const page = join(dist, names.stakeholderMapPage);
await mkdir(dirname(page), { recursive: true });
await copyFile(join(root, "src/stakeholdermap/stakeholdermap.html"), page);
console.log(`copied dist/${names.stakeholderMapPage}`);
