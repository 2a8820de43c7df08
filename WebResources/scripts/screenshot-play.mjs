// Screenshots of the rep's play for the docs, in real headless Chromium (Debian's, as the browser test):
// the adopters panel on the account form, and the account's play task as the rep reads it (subject, stage,
// priority, due date, owner, champion and description, read from the Web API with formatted values).
// Run against `adoptioncrm demo --serve`:
//   ADOPT_API_URL=http://127.0.0.1:PORT/api/data/v9.2/ ADOPT_HOST_URL=http://127.0.0.1:PORT ADOPT_ACCOUNT_ID=<id> \
//     node scripts/screenshot-play.mjs
// Writes docs/<name>-panel.png and docs/<name>-task.png (ADOPT_SHOT_NAME, default "play").
import { chromium } from "playwright-core";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const docs = join(here, "..", "docs");
const api = process.env.ADOPT_API_URL;
const host = process.env.ADOPT_HOST_URL?.replace(/\/$/, "");
const id = (process.env.ADOPT_ACCOUNT_ID ?? "").replace(/[{}]/g, "").toLowerCase();
if (!api || !host || !id) throw new Error("set ADOPT_API_URL, ADOPT_HOST_URL and ADOPT_ACCOUNT_ID (see the header)");
const FMT = "@OData.Community.Display.V1.FormattedValue";
const shot = process.env.ADOPT_SHOT_NAME ?? "play";

async function get(path) {
  const res = await fetch(api + path, { headers: { Accept: "application/json", Prefer: 'odata.include-annotations="*"' } });
  const body = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const account = await get(`accounts(${id})?$select=name`);
const tasks = (await get(`tasks?$select=subject,description,adopt_adoptionstage,adopt_champion,adopt_championreason,prioritycode,scheduledend,statecode,_ownerid_value`
  + `&$filter=_regardingobjectid_value eq ${id} and adopt_adoptionstage ne null`)).value;
const task = tasks.find((t) => t.statecode === 0) ?? tasks[0];
if (!task) throw new Error(`account ${account.name} has no play`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${host}/host/account-form.html?api=${encodeURIComponent(api)}&id=${id}`, { waitUntil: "load" });
  const frame = page.frameLocator("iframe").first();
  await frame.locator("[data-testid=explanation]").waitFor({ timeout: 15000 });
  await frame.locator(".slot-list").getByRole("row").nth(1).waitFor({ timeout: 15000 }).catch(() => {});
  await page.screenshot({ path: join(docs, `${shot}-panel.png`), fullPage: true });

  const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const field = (label, value) => `<div class="f"><div class="l">${esc(label)}</div><div class="v">${esc(value)}</div></div>`;
  const taskPage = await context.newPage();
  await taskPage.setViewportSize({ width: 900, height: 900 });
  await taskPage.setContent(`<!doctype html><meta charset="utf-8"><title>${esc(task.subject)}</title>
<style>
  body { font: 14px "Segoe UI", system-ui, sans-serif; color: #242424; margin: 0; background: #f5f5f5; }
  header { background: #fff; padding: 16px 24px; border-bottom: 1px solid #e0e0e0; }
  header .kind { color: #616161; font-size: 12px; } header h1 { font-size: 20px; margin: 4px 0 0; font-weight: 600; }
  main { margin: 16px 24px; background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.1); padding: 16px 24px; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 32px; margin-bottom: 12px; }
  .f { display: grid; grid-template-columns: 140px 1fr; padding: 6px 0; border-bottom: 1px solid #f0f0f0; }
  .l { color: #616161; } .v { font-weight: 600; }
  .desc .l { margin-bottom: 6px; } .desc .v { font-weight: 400; white-space: pre-line; line-height: 1.45; }
</style>
<header><div class="kind">Task · Regarding ${esc(account.name)}</div><h1>${esc(task.subject)}</h1></header>
<main>
  <div class="grid">
    ${field("Adoption Stage", task[`adopt_adoptionstage${FMT}`] ?? task.adopt_adoptionstage)}
    ${field("Priority", task[`prioritycode${FMT}`] ?? task.prioritycode)}
    ${field("Due", task[`scheduledend${FMT}`] ?? task.scheduledend)}
    ${field("Owner", task[`_ownerid_value${FMT}`] ?? task._ownerid_value)}
    ${field("Champion", task.adopt_champion)}
    ${field("Champion Reason", task.adopt_championreason)}
  </div>
  <div class="desc"><div class="l">Description</div><div class="v">${esc(task.description)}</div></div>
</main>`);
  await taskPage.screenshot({ path: join(docs, `${shot}-task.png`), fullPage: true });
  console.log(`${account.name}: play "${task.subject}"; wrote ${join(docs, `${shot}-panel.png`)} and ${join(docs, `${shot}-task.png`)}`);
} finally {
  await browser.close();
}
