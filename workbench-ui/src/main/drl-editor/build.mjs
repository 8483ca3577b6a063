// Bundles <drl-editor> and the editor and review screens' stylesheet into the jar's static resources,
// and puts the analysts' authoring guide (docs/authoring.md, and its Chinese edition docs/authoring.zh-CN.md)
// on the classpath as authoring.md (authoring.zh-CN.md), where the editor's vocabulary panel reads it.
// Usage: node build.mjs [classes directory]; Maven passes target/classes.
import { build } from "esbuild";
import { access, copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const classes = resolve(process.argv[2] ?? join(here, "../../../target/classes"));
const out = join(classes, "META-INF/resources/drl-editor");
const guide = join(here, "../../../../docs/authoring.md");
const chineseGuide = join(here, "../../../../docs/authoring.zh-CN.md");

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
await copyFile(join(here, "src/editor-screens.css"), join(out, "editor-screens.css"));
try {
  await access(guide);
  await copyFile(guide, join(classes, "authoring.md"));
} catch {
  console.warn(`No ${guide}: the editor's vocabulary panel will say the guide is missing.`);
}
try {
  await access(chineseGuide);
  await copyFile(chineseGuide, join(classes, "authoring.zh-CN.md"));
} catch {
  console.warn(`No ${chineseGuide}: Chinese readers get the English guide.`);
}
console.log(`drl-editor bundle written to ${out}`);
