// Fails when a bundled web resource script exceeds its size budget (30 KB minified); prints every size.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 30 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

async function files(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])));
    return nested.flat();
}

const all = (await files(join(dist, "rel_"))).sort();
if (all.length === 0) {
    console.error("budgets: nothing built in dist/rel_ (run npm run build)");
    process.exit(1);
}
let over = 0;
for (const file of all) {
    const bytes = (await stat(file)).size;
    const gzip = gzipSync(await readFile(file)).length;
    const isScript = file.endsWith(".js");
    const verdict = !isScript ? "(page, no budget)" : bytes > BUDGET_BYTES ? "OVER BUDGET" : "ok";
    if (isScript && bytes > BUDGET_BYTES) {
        over += 1;
    }
    console.log(`budgets: ${relative(dist, file).padEnd(32)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  gzip ${(gzip / 1024).toFixed(1).padStart(5)} KB  ${verdict}`);
}
if (over > 0) {
    console.error(`budgets: ${over} script(s) over ${BUDGET_BYTES / 1024} KB`);
    process.exit(1);
}
console.log(`budgets: all scripts within ${BUDGET_BYTES / 1024} KB`);
