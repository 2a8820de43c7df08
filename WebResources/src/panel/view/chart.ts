// New people per week (by first signup) as an inline SVG bar chart: no chart library, a few
// hundred bytes of code.
import { h, svg } from "../dom";
import { formatDate, type WeekBucket } from "../shape";

const W = 520;
const H = 100;
const PAD_TOP = 8;
const PAD_BOTTOM = 2;

export function renderChart(buckets: readonly WeekBucket[], locale?: string): HTMLElement {
  const total = buckets.reduce((s, b) => s + b.count, 0);
  const peak = buckets.reduce((m, b) => (b.count > m.count ? b : m), buckets[0] ?? { start: 0, count: 0 });
  const max = Math.max(1, peak.count);
  const label = buckets.length
    ? `New people per week (first signup), last ${buckets.length} weeks: ${total} in all, most in the week of ${formatDate(peak.start, locale, "UTC")} (${peak.count}).`
    : "No signups to chart.";

  const plotH = H - PAD_TOP - PAD_BOTTOM;
  const slot = W / Math.max(1, buckets.length);
  const bar = Math.max(1, slot * 0.7);
  const chart = svg("svg", {
    class: "chart-svg",
    attrs: { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, preserveAspectRatio: "none", "data-total": total },
  });
  buckets.forEach((b, i) => {
    const bh = (b.count / max) * plotH;
    const x = i * slot + (slot - bar) / 2;
    chart.appendChild(
      svg("rect", {
        class: "bar",
        attrs: { x: x.toFixed(1), y: (PAD_TOP + plotH - bh).toFixed(1), width: bar.toFixed(1), height: bh.toFixed(1), "data-count": b.count, rx: 1 },
      }, svg("title", { text: `Week of ${formatDate(b.start, locale, "UTC")}: ${b.count} new ${b.count === 1 ? "person" : "people"}` })),
    );
  });
  chart.appendChild(svg("line", { class: "axis", attrs: { x1: 0, x2: W, y1: PAD_TOP + plotH + 0.5, y2: PAD_TOP + plotH + 0.5 } }));
  return h("section", { class: "chart", attrs: { "aria-labelledby": "adopt-chart-title" } },
    h("h2", { class: "section-title", attrs: { id: "adopt-chart-title" } },
      document.createTextNode("New people per week"),
      h("span", { class: "muted", text: " by first signup, each person once" })),
    chart,
    // Axis dates as HTML, not SVG text: the plot stretches to the tab's width and would distort them.
    buckets.length ? h("div", { class: "chart-axis", attrs: { "aria-hidden": "true" } },
      h("span", { text: formatDate(buckets[0].start, locale, "UTC") }),
      h("span", { text: `Week of ${formatDate(buckets[buckets.length - 1].start, locale, "UTC")}` })) : null,
  );
}
