// Prints the built panel's size, raw and gzipped (the target is JS+CSS under 30 KB gzipped).
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "adopt_", "adopters");
let raw = 0, gz = 0;
for (const f of ["panel.js", "panel.css", "panel.html", "accountform.js"]) {
  const b = await readFile(join(dir, f));
  const z = gzipSync(b, { level: 9 }).length;
  if (f === "panel.js" || f === "panel.css") { raw += b.length; gz += z; }
  console.log(`${f.padEnd(16)} ${String(b.length).padStart(7)} B  ${String(z).padStart(6)} B gzipped`);
}
console.log(`panel JS+CSS     ${String(raw).padStart(7)} B  ${String(gz).padStart(6)} B gzipped (${(gz / 1024).toFixed(1)} KB; target < 30 KB)`);
