// Guards the rule that untrusted text never becomes markup: no HTML-parsing sinks in the sources.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

it("uses no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval", () => {
  const src = files(join(__dirname, "../../src"));
  expect(src.length).toBeGreaterThan(5);
  for (const f of src) {
    const code = readFileSync(f, "utf8").replace(/\/\/.*$/gm, "");
    expect(code, f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
  }
});
