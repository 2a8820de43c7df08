// Builds the web resources into dist/ under the names they get in Dynamics:
//   adopt_/adopters/panel.html, panel.js, panel.css   (the HTML web resource on the account form)
//   adopt_/adopters/accountform.js                     (the form OnLoad script, AdoptionCrm.AccountForm)
// Classic scripts (IIFE), not modules: form scripts must define globals, and the panel then loads
// the same way on every Dynamics version.
import { build } from "esbuild";
import { mkdir, readFile, writeFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "adopt_", "adopters");
await rm(join(root, "dist"), { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = { bundle: true, minify: true, target: "es2020", format: "iife", legalComments: "none", logLevel: "warning" };
await build({ ...common, entryPoints: [join(root, "src/panel/main.ts")], outfile: join(out, "panel.js") });
await build({ ...common, entryPoints: [join(root, "src/form/accountform.ts")], outfile: join(out, "accountform.js"), globalName: "AdoptionCrm.AccountForm" });
await build({ entryPoints: [join(root, "src/panel/panel.css")], outfile: join(out, "panel.css"), minify: true, logLevel: "warning" });

// The HTML only needs its indentation dropped.
const html = await readFile(join(root, "src/panel/panel.html"), "utf8");
await writeFile(join(out, "panel.html"), html.split("\n").map((l) => l.trim()).filter(Boolean).join("\n") + "\n");
console.log(`built ${out}`);
