// The panel in a DOM: its states, the adopter grid, keyboard, and that untrusted text stays text.
import { beforeEach, describe, expect, it } from "vitest";
import { Panel } from "../../src/panel/app";
import { ACCOUNT_ROW, adopter, context, fakeApi, until, type Handler } from "./fakeXrm";

const XSS = "<img src=x onerror=alert(1)>";
let root: HTMLElement;
beforeEach(() => {
  document.body.textContent = "";
  root = document.createElement("main");
  document.body.appendChild(root);
});

function start(handler: Handler, opened: string[] = []) {
  const api = fakeApi(handler);
  const panel = new Panel(root, { now: () => Date.UTC(2026, 10, 4) });
  panel.show({ ok: true, context: context(api, opened) });
  return { api, panel };
}

const state = () => root.querySelector<HTMLElement>("[data-state]")?.dataset.state;
const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[role="row"][data-index]'));

function adopters(n: number, over: (i: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: n }, (_, i) => adopter(i, over(i)));
}

describe("states", () => {
  it("shows loading until data arrives, with aria-busy", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    start(async (c) => { await gate; return c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(2) }; });
    expect(state()).toBe("loading");
    expect(root.getAttribute("aria-busy")).toBe("true");
    release();
    await until(() => rows().length === 2);
    expect(root.getAttribute("aria-busy")).toBe("false");
    expect(state()).toBeUndefined();
  });

  it("says when nobody has signed up", async () => {
    start((c) => (c.kind === "record" ? { ...ACCOUNT_ROW, adopt_adoptercount: 0 } : { entities: [] }));
    await until(() => state() === "empty");
    expect(root.textContent).toContain("No adopters yet");
    expect(root.querySelector("svg")).toBeNull();
  });

  it("says when the user may not read the account (privilege error)", async () => {
    start(() => Promise.reject({ errorCode: 2147746336, message: "Principal user is missing prvReadAccount privilege" }));
    await until(() => state() === "permission");
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(root.querySelector("button")).toBeNull(); // retrying won't grant a privilege
  });

  it("shows the account but a permission state when only adopters are forbidden", async () => {
    start((c) => (c.kind === "record" ? ACCOUNT_ROW : Promise.reject({ errorCode: -2147220960, message: "prvReadadopt_adopter" })));
    await until(() => state() === "permission");
    await until(() => root.textContent!.includes("Adoption at Contoso"));
  });

  it("offers Retry after a network error, and Retry loads the data", async () => {
    let fail = true;
    const { api } = start((c) => {
      if (fail) return Promise.reject(new TypeError("Failed to fetch"));
      return c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(3) };
    });
    await until(() => state() === "network");
    const retry = root.querySelector("button")!;
    expect(retry.textContent).toBe("Retry");
    fail = false;
    retry.click();
    await until(() => rows().length === 3);
    expect(api.calls.length).toBe(4);
  });

  it("asks to save a new account and to open the panel from a form", () => {
    const panel = new Panel(root);
    panel.show({ ok: true, context: { ...context(fakeApi(() => ({}))), accountId: "" } });
    expect(state()).toBe("unsaved");
    panel.show({ ok: false, reason: "nocontext" });
    expect(state()).toBe("nocontext");
  });
});

describe("ready", () => {
  it("labels a falling account as cooling from its peak instead of silently showing the lower stage", async () => {
    const row = { ...ACCOUNT_ROW, adopt_adoptionstage: 462010002, "adopt_adoptionstage@OData.Community.Display.V1.FormattedValue": "Team",
      adopt_peakstage: 462010004, "adopt_peakstage@OData.Community.Display.V1.FormattedValue": "Enterprise-ready" };
    start((c) => (c.kind === "record" ? row : { entities: adopters(2) }));
    await until(() => rows().length === 2);
    expect(root.querySelector('[data-testid="cooling"]')!.textContent).toBe("Cooling — down from Enterprise-ready, now Team.");
    expect(root.querySelector('[aria-current="step"]')!.textContent).toBe("Team");
  });

  it("shows no cooling label at the peak", async () => {
    start((c) => (c.kind === "record" ? { ...ACCOUNT_ROW, adopt_peakstage: 462010003 } : { entities: adopters(1) }));
    await until(() => rows().length === 1);
    expect(root.querySelector('[data-testid="cooling"]')).toBeNull();
  });

  it("shows stage, score, explanation with its as-of, chart and people by most recent signup", async () => {
    const { api } = start((c) => (c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(5) }));
    await until(() => rows().length === 5);
    const current = root.querySelector('[aria-current="step"]')!;
    expect(current.textContent).toBe("Spreading");
    expect(root.querySelectorAll(".step-done")).toHaveLength(2);
    expect(root.querySelector('[data-testid="score"]')!.textContent).toContain("72");
    expect(root.querySelector('[data-testid="explanation"]')!.textContent).toBe("9 people in the last 60 days");
    const asOf = root.querySelector('[data-testid="as-of"]')!;
    expect(asOf.textContent).toMatch(/^Score as of Nov 3, 2026, \d{1,2}:05/);
    expect(asOf.querySelector("time")!.getAttribute("datetime")).toBe("2026-11-03T14:05:00.000Z");
    expect(root.querySelector('[data-testid="counted"]')!.textContent).toBe("9people counted");
    const svg = root.querySelector("svg")!;
    expect(svg.getAttribute("data-total")).toBe("5");
    expect(svg.querySelectorAll("rect.bar")).toHaveLength(26);
    const cells = Array.from(rows()[2].querySelectorAll('[role="gridcell"]'), (c) => c.textContent);
    expect(cells).toEqual(["Person 2person2@contoso.com", "Engineer", "Oct 15, 2026", "Oct 29, 2026", "3", "2", "1,202"]);
    expect(rows()[2].getAttribute("aria-label")).toBe("Person 2, Engineer, person2@contoso.com. 3 signups, last Oct 29, 2026. Press Enter to open.");
    expect(api.calls.filter((c) => c.kind === "multiple").map((c) => c.entity)).toEqual(["adopt_adopter"]);
  });

  it("counts in the header exactly the people it lists, and says how many the score counts", async () => {
    start((c) => (c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(8) }));
    await until(() => rows().length === 8);
    const title = root.querySelector("#adopt-list-title")!.textContent;
    const listed = Number(root.querySelector('[role="grid"]')!.getAttribute("aria-rowcount")) - 1;
    expect(title).toBe(`People (${listed})`);
    expect(listed).toBe(8);
    // adopters() leaves out every fourth person (3 and 7) from the score.
    expect(root.querySelector(".adopters .note")!.textContent).toBe("6 counted in the score; 2 last signed up too long ago to count.");
    expect(rows()[3].textContent).toContain("Not counted in score");
    expect(rows()[3].getAttribute("aria-label")).toContain("not counted in the score");
    expect(rows()[2].textContent).not.toContain("Not counted");
  });

  it("charts people by the week of their first signup, not their later ones", async () => {
    // Three people: one first signed up twice, long before the chart's window, then again this week.
    const now = Date.UTC(2026, 10, 4);
    const at = (days: number) => new Date(now - days * 86_400_000).toISOString();
    start((c) => (c.kind === "record" ? ACCOUNT_ROW : { entities: [
      adopter(0, { adopt_firstsignupon: at(1), adopt_lastsignupon: at(1) }),
      adopter(1, { adopt_firstsignupon: at(400), adopt_lastsignupon: at(1), adopt_signups: 2 }),
      adopter(2, { adopt_firstsignupon: at(8), adopt_lastsignupon: at(2) }),
    ] }));
    await until(() => rows().length === 3);
    const bars = Array.from(root.querySelectorAll("svg rect.bar"), (b) => Number(b.getAttribute("data-count")));
    expect(bars.slice(-2)).toEqual([1, 1]);
    expect(root.querySelector("svg")!.getAttribute("data-total")).toBe("2");
  });

  it("shows a person once, as the server's one row, however often they signed up", async () => {
    start((c) => (c.kind === "record" ? ACCOUNT_ROW : { entities: [adopter(0, { adopt_signups: 4, "adopt_signups@OData.Community.Display.V1.FormattedValue": "4" }), adopter(1)] }));
    await until(() => rows().length === 2);
    expect(rows().filter((r) => r.textContent!.includes("person0@contoso.com"))).toHaveLength(1);
    expect(rows()[0].querySelectorAll('[role="gridcell"]')[4].textContent).toBe("4");
  });

  it("shows the as-of as the server formats it for the user when it sends that", async () => {
    start((c) => (c.kind === "record" ? { ...ACCOUNT_ROW, "adopt_scoredon@OData.Community.Display.V1.FormattedValue": "03.11.2026 15:05" } : { entities: adopters(1) }));
    await until(() => rows().length === 1);
    expect(root.querySelector('[data-testid="as-of"]')!.textContent).toBe("Score as of 03.11.2026 15:05");
  });

  it("leaves out the as-of line for an account that was never scored", async () => {
    start((c) => (c.kind === "record" ? { ...ACCOUNT_ROW, adopt_scoredon: null } : { entities: adopters(1) }));
    await until(() => rows().length === 1);
    expect(root.querySelector('[data-testid="as-of"]')).toBeNull();
  });

  it("renders a hostile name and job title as text, never as markup", async () => {
    start((c) => (c.kind === "record" ? { ...ACCOUNT_ROW, name: "<b>Evil</b> Corp" }
      : { entities: adopters(2, (i) => (i === 0 ? { adopt_name: XSS, adopt_jobtitle: "<script>alert(2)</script>" } : {})) }));
    await until(() => rows().length === 2);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("script")).toBeNull();
    expect(root.querySelector("b")).toBeNull();
    expect(rows()[0].querySelector(".name")!.textContent).toBe(XSS);
    expect(rows()[0].textContent).toContain("<script>alert(2)</script>");
    expect(root.querySelector("h1")!.textContent).toBe("Adoption at <b>Evil</b> Corp");
  });

  it("keeps only a window of rows in the DOM for 5,000 adopters", async () => {
    start((c) => (c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(5000) }));
    await until(() => rows().length > 0);
    expect(root.querySelector('[role="grid"]')!.getAttribute("aria-rowcount")).toBe("5001");
    expect(rows().length).toBeLessThan(40);
    expect(root.textContent).toContain("People (5,000)");
  });

  it("moves focus with the keyboard and opens the focused person's adopter record with Enter", async () => {
    const opened: string[] = [];
    start((c) => (c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(50) }), opened);
    await until(() => rows().length > 0);
    const tabbable = rows().filter((r) => r.tabIndex === 0);
    expect(tabbable).toHaveLength(1); // roving tabindex: one stop in the tab order
    tabbable[0].focus();
    const key = (k: string) => document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("ArrowDown");
    key("ArrowDown");
    expect((document.activeElement as HTMLElement).dataset.index).toBe("2");
    key("ArrowUp");
    expect((document.activeElement as HTMLElement).dataset.index).toBe("1");
    key("End");
    expect((document.activeElement as HTMLElement).dataset.index).toBe("49");
    expect((document.activeElement as HTMLElement).getAttribute("aria-rowindex")).toBe("51");
    key("Enter");
    expect(opened).toEqual([adopter(49).adopt_adopterid]);
    key("Home");
    expect((document.activeElement as HTMLElement).dataset.index).toBe("0");
  });

  it("ignores a stale load that finishes after a newer one", async () => {
    let first = true;
    let releaseFirst!: () => void;
    const gate = new Promise<void>((r) => (releaseFirst = r));
    const api = fakeApi(async (c) => {
      if (c.kind === "multiple" && first) { first = false; await gate; return { entities: adopters(7) }; }
      return c.kind === "record" ? ACCOUNT_ROW : { entities: adopters(2) };
    });
    const panel = new Panel(root);
    panel.show({ ok: true, context: context(api) });
    panel.retry();
    await until(() => rows().length === 2);
    releaseFirst();
    await new Promise((r) => setTimeout(r, 20));
    expect(rows()).toHaveLength(2);
  });
});
