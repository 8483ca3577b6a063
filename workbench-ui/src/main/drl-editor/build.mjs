// Bundles <drl-editor> and the workbench screens' stylesheet into the jar's static resources.
// Usage: node build.mjs [output directory]; Maven passes target/classes/META-INF/resources/drl-editor.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "../../../target/classes/META-INF/resources/drl-editor"));

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src/drl-editor.js")],
  outfile: join(out, "drl-editor.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
});
await copyFile(join(here, "src/workbench.css"), join(out, "workbench.css"));
console.log(`drl-editor bundle written to ${out}`);
