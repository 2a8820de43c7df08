// The panel's non-data states. Errors are alerts (announced); loading and empty are statuses.
import { h } from "../dom";

export type StateKind = "loading" | "empty" | "permission" | "notfound" | "network" | "error" | "nocontext" | "unsaved";

const COPY: Record<StateKind, [title: string, body: string]> = {
  loading: ["Loading adopters…", ""],
  empty: ["No adopters yet", "Nobody from this account has signed up yet. When someone does, they show up here."],
  permission: ["You don't have permission to see this", "Your security role can't read these records. Ask your administrator for read access to adopters and accounts."],
  notfound: ["This account isn't available", "It may have been deleted, or it isn't shared with you."],
  network: ["Couldn't reach Dynamics 365", "Check your connection and try again."],
  error: ["Something went wrong loading adopters", ""],
  nocontext: ["Open this panel from an account form", "It shows the people adopting at the account the form is open on."],
  unsaved: ["Save the account to see its adopters", ""],
};

export function renderState(kind: StateKind, opts: { detail?: string; onRetry?: () => void } = {}): HTMLElement {
  const [title, body] = COPY[kind];
  const isError = kind === "permission" || kind === "notfound" || kind === "network" || kind === "error";
  const retry = opts.onRetry && (kind === "network" || kind === "error")
    ? h("button", { class: "button", text: "Retry", attrs: { type: "button" } })
    : null;
  if (retry) retry.addEventListener("click", () => opts.onRetry!());
  return h("div", { class: `state state-${kind}`, attrs: { role: isError ? "alert" : "status", "data-state": kind } },
    kind === "loading" ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null,
    h("p", { class: "state-title", text: title }),
    body ? h("p", { class: "state-body", text: body }) : null,
    opts.detail ? h("p", { class: "state-detail", text: opts.detail }) : null,
    retry,
  );
}
