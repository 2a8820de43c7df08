// The panel: one account's summary (score, stage, explanation and when it was computed), new people
// per week, and the account's people (one adopt_adopter row each), with a state for every way
// loading can go. Each (re)start bumps a generation so a slow, stale load never paints over
// a newer one (the form hands the context over again after a first save; Retry restarts).
import { h, clear } from "./dom";
import type { ClientContext, ContextResult } from "./context";
import { loadAccount, loadAdopters, MAX_ADOPTERS, type PageEvent } from "./load";
import { classify, messageOf } from "./errors";
import { countByWeek, countedNote, formatCount, warmFormatters } from "./shape";
import { renderSummary } from "./view/summary";
import { renderChart } from "./view/chart";
import { renderState, type StateKind } from "./view/states";
import { AdopterGrid } from "./view/adopterGrid";

export interface PanelOptions {
  now?: () => number;
}

export const MARK_DATA = "adopt:data-arrived";
export const MARK_RENDERED = "adopt:rendered";
export const MEASURE_RENDER = "adopt:first-render";
export const MEASURE_PAINT = "adopt:first-paint";

const LIST_TITLE = "People";

export class Panel {
  private readonly summarySlot = h("div", { class: "slot-summary" });
  private readonly chartSlot = h("div", { class: "slot-chart" });
  private readonly listTitle = h("h2", { class: "section-title", attrs: { id: "adopt-list-title" }, text: LIST_TITLE });
  private readonly listNote = h("p", { class: "muted note" });
  private readonly listSlot = h("div", { class: "slot-list" });
  private readonly live = h("div", { class: "visually-hidden", attrs: { role: "status", "aria-live": "polite" } });
  private generation = 0;
  private grid: AdopterGrid | null = null;
  private context: ClientContext | null = null;

  constructor(private readonly root: HTMLElement, private readonly opts: PanelOptions = {}) {
    clear(root);
    root.append(
      this.summarySlot,
      this.chartSlot,
      h("section", { class: "adopters", attrs: { "aria-labelledby": "adopt-list-title" } }, this.listTitle, this.listNote, this.listSlot),
      this.live,
    );
    // Loading until the form hands the context over (or the fallback fires).
    this.whole("loading");
  }

  show(result: ContextResult): void {
    if (!result.ok) {
      this.generation++;
      this.whole("nocontext");
      return;
    }
    this.context = result.context;
    if (!result.context.accountId) {
      this.generation++;
      this.whole("unsaved");
      return;
    }
    void this.load(result.context);
  }

  retry(): void {
    if (this.context) void this.load(this.context);
  }

  /** A state that replaces the whole panel (nothing else can be shown). */
  private whole(kind: StateKind, detail?: string): void {
    this.root.setAttribute("aria-busy", String(kind === "loading"));
    clear(this.summarySlot);
    clear(this.chartSlot);
    this.listTitle.hidden = kind !== "loading";
    this.listNote.textContent = "";
    this.setList(renderState(kind, { detail, onRetry: () => this.retry() }));
  }

  private setList(node: Node): void {
    this.grid?.destroy();
    this.grid = null;
    clear(this.listSlot);
    this.listSlot.appendChild(node);
  }

  private async load(ctx: ClientContext): Promise<void> {
    const gen = ++this.generation;
    const current = () => gen === this.generation;
    this.whole("loading");
    this.listTitle.hidden = false;
    this.listTitle.textContent = LIST_TITLE;

    let accountFailed = false;
    let firstPage = true;
    const adopters = loadAdopters(ctx.webApi, ctx.accountId, (e) => {
      if (!current() || accountFailed) return;
      this.showPage(ctx, e, firstPage);
      firstPage = false;
    }, current).catch((err) => {
      if (!current() || accountFailed) return;
      this.root.setAttribute("aria-busy", "false");
      const kind = classify(err);
      clear(this.chartSlot);
      this.listNote.textContent = "";
      this.setList(renderState(kind, { detail: kind === "error" ? messageOf(err) : undefined, onRetry: () => this.retry() }));
    });

    // Both requests are in flight: use the wait to load locale data for the formatters.
    warmFormatters(ctx.locale);
    try {
      const account = await loadAccount(ctx.webApi, ctx.accountId);
      if (!current()) return;
      clear(this.summarySlot);
      this.summarySlot.appendChild(renderSummary(account, ctx.locale));
    } catch (err) {
      if (!current()) return;
      accountFailed = true;
      const kind = classify(err);
      this.whole(kind, kind === "error" ? messageOf(err) : undefined);
      return;
    }
    await adopters;
  }

  private showPage(ctx: ClientContext, e: PageEvent, first: boolean): void {
    const n = e.adopters.length;
    if (e.done) this.root.setAttribute("aria-busy", "false");
    if (n === 0) {
      clear(this.chartSlot);
      this.listTitle.textContent = LIST_TITLE;
      this.setList(renderState("empty"));
      return;
    }
    if (first) performance.mark(MARK_DATA, { startTime: e.arrivedAt });

    // The count in the header is the list below it: one row per person, whatever the score counts.
    this.listTitle.textContent = `${LIST_TITLE} (${formatCount(n, ctx.locale)}${e.done ? "" : "+"})`;
    this.listNote.textContent = e.truncated
      ? `Showing the ${formatCount(MAX_ADOPTERS, ctx.locale)} who signed up most recently.`
      : e.done ? countedNote(e.adopters, ctx.locale) : "Loading more…";
    clear(this.chartSlot);
    const now = this.opts.now ? this.opts.now() : Date.now();
    // Adopter rows carry each person's first and last signup, not every signup in between, so the
    // chart counts arrivals: people by the week of their first signup. No second query needed.
    this.chartSlot.appendChild(renderChart(countByWeek(e.adopters.map((a) => a.firstSignupOn), now), ctx.locale));
    if (!this.grid) {
      this.grid = new AdopterGrid({ locale: ctx.locale, onOpen: (a) => ctx.openAdopter(a.id) });
      clear(this.listSlot);
      this.listSlot.appendChild(this.grid.el);
    }
    this.grid.setRows(e.adopters);
    if (e.done) this.live.textContent = `${formatCount(n, ctx.locale)} ${n === 1 ? "person" : "people"} loaded.`;

    if (first) {
      performance.mark(MARK_RENDERED);
      performance.measure(MEASURE_RENDER, MARK_DATA, MARK_RENDERED);
      // The next frame after the DOM is built: what the user actually waits for.
      requestAnimationFrame(() => setTimeout(() => performance.measure(MEASURE_PAINT, { start: MARK_DATA, end: performance.now() }), 0));
    }
  }
}
