// Imports a TypeScript module of src/ into Node by bundling it in memory with esbuild, so the build script and
// the browser test read the constants generated from the solution source instead of spelling them again.
import { build } from "esbuild";

export async function importTypeScript(path) {
    const result = await build({
        entryPoints: [path],
        bundle: true,
        format: "esm",
        platform: "neutral",
        write: false,
        logLevel: "silent",
    });
    const source = Buffer.from(result.outputFiles[0].contents).toString("base64");
    return import(`data:text/javascript;base64,${source}`);
}
