// Bundles each web resource into one ES2017 IIFE with a dotted global and copies the map page. The output tree
// mirrors the web resource names (dist/rel_/scripts/…), read from the constants generated from the solution source.
// Usage: node scripts/build.mjs [--dev]
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importTypeScript } from "./importTypeScript.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const dev = process.argv.includes("--dev");

const { WebResourceNames: names } = await importTypeScript(join(root, "src/shared/generated/webResources.ts"));

await rm(join(dist, "rel_"), { recursive: true, force: true });
const bundles = [
    { entry: "src/contactform/index.ts", globalName: "CrmRelationship.ContactForm", out: names.contactFormScript },
    { entry: "src/accountform/index.ts", globalName: "CrmRelationship.AccountForm", out: names.accountFormScript },
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
const page = join(dist, names.stakeholderMap);
await mkdir(dirname(page), { recursive: true });
await copyFile(join(root, "src/stakeholdermap/stakeholdermap.html"), page);
console.log(`copied dist/${names.stakeholderMap}`);
