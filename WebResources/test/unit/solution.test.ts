// Holds the panel's Dataverse names to the solution source, so a renamed column, a changed choice
// value or a renamed form control fails here instead of in Dynamics.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNT_COLUMNS, ADOPTER_ACCOUNT, ADOPTER_COLUMNS, ADOPTER_KEY, ADOPTER_TABLE, STAGE_NONE, STAGES } from "../../src/panel/schema";
import { PANEL_CONTROL } from "../../src/form/accountform";

const src = join(__dirname, "../../../Solution/src");
const read = (...p: string[]) => readFileSync(join(src, ...p), "utf8");

function logicalNames(entityXml: string): Set<string> {
  return new Set(Array.from(entityXml.matchAll(/<LogicalName>([^<]+)<\/LogicalName>/g), (m) => m[1].toLowerCase()));
}

describe.runIf(existsSync(src))("the solution source", () => {
  it("defines adopt_adoptionstage with the step bar's values and labels", () => {
    const xml = read("OptionSets", "adopt_adoptionstage.xml");
    const options = Array.from(xml.matchAll(/<option value="(\d+)"[\s\S]*?<label description="([^"]*)" languagecode="1033"/g),
      (m) => ({ value: Number(m[1]), label: m[2] }));
    expect(options).toEqual([{ value: STAGE_NONE, label: "None" }, ...STAGES]);
  });

  it("has every custom column the panel reads", () => {
    const account = logicalNames(read("Entities", "Account", "Entity.xml"));
    for (const c of ACCOUNT_COLUMNS.filter((c) => c.startsWith("adopt_"))) expect(account, c).toContain(c);
  });

  it("defines the adopter table under the names the panel queries", () => {
    // Entity folders are named by schema name (adopt_Adopter); find it by its logical name.
    const folder = readdirSync(join(src, "Entities")).find((d) => d.toLowerCase() === ADOPTER_TABLE);
    expect(folder, `Solution/src/Entities/${ADOPTER_TABLE}`).toBeDefined();
    const xml = read("Entities", folder!, "Entity.xml");
    const columns = logicalNames(xml);
    for (const c of [...ADOPTER_COLUMNS, ADOPTER_KEY, ADOPTER_ACCOUNT.replace(/^_(.*)_value$/, "$1")]) expect(columns, c).toContain(c);
    expect(xml).toContain(`<EntitySetName>${ADOPTER_TABLE}s</EntitySetName>`);
  });

  it("puts the panel on the account form under the control name the form script hands over to", () => {
    const dir = join(src, "Entities", "Account", "FormXml", "main");
    const forms = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
    const form = forms.find((x) => x.includes("adopt_/adopters/panel.html"));
    expect(form).toBeDefined();
    expect(form).toContain(`<control id="${PANEL_CONTROL}"`);
  });
});
