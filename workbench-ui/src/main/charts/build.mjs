// Bundles <credence-chart> (Chart.js) and the experiment screens' stylesheet into the jar's static
// resources, under META-INF/resources/charts/.
// Usage: node build.mjs [classes directory]; Maven passes target/classes.
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const classes = resolve(process.argv[2] ?? join(here, "../../../target/classes"));
const out = join(classes, "META-INF/resources/charts");

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src/credence-chart.js")],
  outfile: join(out, "credence-chart.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
});
await copyFile(join(here, "src/experiment-screens.css"), join(out, "experiment-screens.css"));
console.log(`credence-chart bundle written to ${out}`);
