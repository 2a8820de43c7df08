// The account's people (one adopt_adopter row each) as a virtualised ARIA grid: only the rows in
// view (plus the focused one) exist in the DOM, so 5,000 or 50,000 people cost the same to render.
// One row is tabbable at a time (roving tabindex); arrow keys, Page Up/Down and Home/End move it,
// Enter or Space opens the person's adopter record.
import { h, clear } from "../dom";
import { formatDate, type Adopter } from "../shape";

/** Fixed row height (px, on the 4px grid); fixed so a row's position is index × height. */
export const ROW_HEIGHT = 56;
const MAX_VISIBLE_ROWS = 10;
const OVERSCAN = 4;

const COLUMNS = ["Name", "Job title", "First signup", "Last signup", "Signups", "Usage", "Invitations"];

export interface GridOptions {
  onOpen(adopter: Adopter): void;
  locale?: string;
}

export class AdopterGrid {
  readonly el: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly canvas: HTMLElement;
  private rows: Adopter[] = [];
  private readonly rendered = new Map<number, HTMLElement>();
  private active = 0;
  private frame = 0;

  constructor(private readonly opts: GridOptions) {
    const header = h("div", { class: "grid-row grid-header", attrs: { role: "row", "aria-rowindex": 1 } },
      ...COLUMNS.map((c) => h("div", { class: "grid-cell", attrs: { role: "columnheader" }, text: c })));
    this.canvas = h("div", { class: "grid-canvas", attrs: { role: "rowgroup" } });
    this.viewport = h("div", { class: "grid-viewport" }, this.canvas);
    this.el = h("div", {
      class: "grid",
      attrs: { role: "grid", "aria-label": "People, most recent signup first", "aria-colcount": COLUMNS.length, "aria-rowcount": 1 },
    }, h("div", { attrs: { role: "rowgroup" } }, header), this.viewport);

    this.viewport.addEventListener("scroll", () => this.schedule());
    this.viewport.addEventListener("keydown", (e) => this.onKey(e));
    this.viewport.addEventListener("click", (e) => {
      const row = (e.target as Element).closest<HTMLElement>("[data-index]");
      if (!row) return;
      this.active = Number(row.dataset.index);
      this.renderWindow();
      this.openActive();
    });
    this.viewport.addEventListener("focusin", (e) => {
      const row = (e.target as Element).closest<HTMLElement>("[data-index]");
      if (row && Number(row.dataset.index) !== this.active) {
        this.active = Number(row.dataset.index);
        this.renderWindow();
      }
    });
  }

  /**
   * Shows `rows`. Called again with the same, grown array as later pages arrive: later pages are
   * people who signed up earlier, appended at the end, so rows already built stay valid and focus
   * stays put.
   */
  setRows(rows: Adopter[]): void {
    const hadFocus = this.el.contains(document.activeElement);
    if (rows !== this.rows) {
      for (const el of this.rendered.values()) el.remove();
      this.rendered.clear();
      this.rows = rows;
    }
    this.active = Math.min(this.active, Math.max(0, rows.length - 1));
    this.el.setAttribute("aria-rowcount", String(rows.length + 1));
    this.canvas.style.height = `${rows.length * ROW_HEIGHT}px`;
    this.viewport.style.height = `${Math.min(rows.length, MAX_VISIBLE_ROWS) * ROW_HEIGHT}px`;
    this.renderWindow();
    if (hadFocus && !this.el.contains(document.activeElement)) this.rendered.get(this.active)?.focus({ preventScroll: true });
  }

  get activeIndex(): number {
    return this.active;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderWindow();
    });
  }

  private viewportHeight(): number {
    // Set by setRows; reading the style avoids a layout before first paint.
    return parseFloat(this.viewport.style.height) || MAX_VISIBLE_ROWS * ROW_HEIGHT;
  }

  private renderWindow(): void {
    const n = this.rows.length;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(n - 1, Math.ceil((this.viewport.scrollTop + this.viewportHeight()) / ROW_HEIGHT) + OVERSCAN);
    const want = new Set<number>();
    for (let i = first; i <= last; i++) want.add(i);
    if (n > 0) want.add(this.active); // the tabbable row must exist even when scrolled away

    for (const [i, el] of this.rendered) {
      if (!want.has(i)) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    for (const i of want) {
      let el = this.rendered.get(i);
      if (!el) {
        el = this.buildRow(i);
        this.rendered.set(i, el);
        this.canvas.appendChild(el);
      }
      el.tabIndex = i === this.active ? 0 : -1;
    }
  }

  private buildRow(i: number): HTMLElement {
    const a = this.rows[i];
    const locale = this.opts.locale;
    const who = [a.name, a.jobTitle, a.email].filter(Boolean).join(", ");
    const signups = `${a.signups} signup${a.signups === "1" ? "" : "s"}, last ${formatDate(a.lastSignupOn, locale) || "unknown"}`;
    const counted = a.counted ? "" : ", not counted in the score";
    const row = h("div", {
      class: a.counted ? "grid-row" : "grid-row row-uncounted",
      attrs: { role: "row", "aria-rowindex": i + 2, "data-index": i, "data-id": a.id,
        "aria-label": `${who}. ${signups}${counted}. Press Enter to open.` },
    },
      h("div", { class: "grid-cell cell-name", attrs: { role: "gridcell" } },
        h("span", { class: "name", text: a.name }),
        a.email && a.email !== a.name ? h("span", { class: "sub", text: a.email }) : null),
      h("div", { class: "grid-cell", attrs: { role: "gridcell" }, text: a.jobTitle }),
      h("div", { class: "grid-cell", attrs: { role: "gridcell" } }, time(a.firstSignupOn, locale)),
      h("div", { class: "grid-cell cell-last", attrs: { role: "gridcell" } },
        time(a.lastSignupOn, locale),
        a.counted ? null : h("span", { class: "sub", text: "Not counted in score" })),
      h("div", { class: "grid-cell cell-num", attrs: { role: "gridcell" }, text: a.signups }),
      h("div", { class: "grid-cell cell-num", attrs: { role: "gridcell" }, text: a.usage }),
      h("div", { class: "grid-cell cell-num", attrs: { role: "gridcell" }, text: a.invitations }),
    );
    row.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
    return row;
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.rows.length;
    if (!n) return;
    const page = Math.max(1, Math.floor(this.viewportHeight() / ROW_HEIGHT) - 1);
    let next = this.active;
    switch (e.key) {
      case "ArrowDown": next++; break;
      case "ArrowUp": next--; break;
      case "PageDown": next += page; break;
      case "PageUp": next -= page; break;
      case "Home": next = 0; break;
      case "End": next = n - 1; break;
      case "Enter":
      case " ":
        e.preventDefault();
        this.openActive();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusRow(Math.max(0, Math.min(n - 1, next)));
  }

  /** Moves focus to row i, scrolling it into view and rendering it first if needed. */
  focusRow(i: number): void {
    this.active = i;
    const top = i * ROW_HEIGHT;
    const vh = this.viewportHeight();
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this.viewport.scrollTop + vh) this.viewport.scrollTop = top + ROW_HEIGHT - vh;
    this.renderWindow();
    this.rendered.get(i)?.focus({ preventScroll: true });
  }

  private openActive(): void {
    const a = this.rows[this.active];
    if (a) this.opts.onOpen(a);
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    clear(this.el);
  }
}

function time(t: number, locale?: string): HTMLElement | null {
  return Number.isFinite(t) ? h("time", { attrs: { datetime: new Date(t).toISOString() }, text: formatDate(t, locale) }) : null;
}
