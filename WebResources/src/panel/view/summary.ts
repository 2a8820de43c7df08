// The account's stage as a step bar, its score, the score's explanation in the account's own words
// (adopt_scoreexplanation, the same text the account form shows) and when it was computed.
import { h } from "../dom";
import { STAGES } from "../schema";
import type { AccountSummary } from "../shape";
import { formatCount, formatDateTime, isCooling } from "../shape";

export function renderSummary(a: AccountSummary, locale?: string): HTMLElement {
  const steps = h("ol", { class: "steps", attrs: { "aria-label": "Adoption stage" } });
  STAGES.forEach((s, i) => {
    const state = i < a.stageIndex ? "done" : i === a.stageIndex ? "current" : "todo";
    // Use the org's own label for the current stage when the server sent one.
    const label = i === a.stageIndex ? a.stageLabel : s.label;
    steps.appendChild(
      h("li", { class: `step step-${state}`, attrs: { "aria-current": state === "current" ? "step" : undefined } },
        h("span", { class: "step-dot", attrs: { "aria-hidden": "true" } }),
        h("span", { class: "step-label", text: label }),
        state !== "current" ? h("span", { class: "visually-hidden", text: state === "done" ? " (reached)" : " (not yet)" }) : null,
      ),
    );
  });

  const count = a.countedPeople === null ? null
    : h("div", { class: "metric", attrs: { "data-testid": "counted" } },
        h("span", { class: "metric-value", text: formatCount(a.countedPeople, locale) }),
        h("span", { class: "metric-label", text: a.countedPeople === 1 ? "person counted" : "people counted" }));
  const asOf = Number.isFinite(a.scoredOn)
    ? h("p", { class: "muted as-of", attrs: { "data-testid": "as-of" } },
        h("span", { text: "Score as of " }),
        h("time", { attrs: { datetime: new Date(a.scoredOn).toISOString() }, text: a.scoredOnText || formatDateTime(a.scoredOn, locale) }))
    : null;

  return h("section", { class: "summary", attrs: { "aria-labelledby": "adopt-title" } },
    h("div", { class: "summary-head" },
      h("h1", { class: "title", attrs: { id: "adopt-title" }, text: a.name ? `Adoption at ${a.name}` : "Adoption" }),
      h("div", { class: "metrics" },
        h("div", { class: "metric", attrs: { "data-testid": "score" } },
          h("span", { class: "metric-value", text: a.scoreText }),
          h("span", { class: "metric-label", text: "adoption score" })),
        count)),
    steps,
    isCooling(a)
      ? h("p", { class: "cooling", attrs: { "data-testid": "cooling" } },
          h("strong", { text: "Cooling" }),
          h("span", { text: ` — down from ${a.peakLabel}${a.stageIndex >= 0 ? `, now ${a.stageLabel}` : ""}.` }))
      : null,
    a.stageIndex < 0 && !isCooling(a) ? h("p", { class: "muted", text: "No adoption stage yet." }) : null,
    // The explanation keeps the engine's line breaks; its date sits with it, so both are read together.
    a.explanation || asOf ? h("div", { class: "explanation" },
      a.explanation ? h("p", { class: "explanation-text", attrs: { "data-testid": "explanation" }, text: a.explanation }) : null,
      asOf) : null,
  );
}
