// How the panel gets Xrm: the documented way is a form OnLoad script calling
// getContentWindow().then(w => w.setClientApiContext(Xrm, formContext)). When nothing hands it
// over (opened as a page, or an older form without the script), it falls back to parent.Xrm and
// the `id` query parameter that Dynamics passes to web resources.
import { isGuid, normaliseId } from "./shape";
import type { WebApi } from "./load";
import { ADOPTER_TABLE } from "./schema";

export interface ClientContext {
  webApi: WebApi;
  /** Opens the adopter's own record (its form lists the person's leads). */
  openAdopter(id: string): void;
  /** Empty when the form is a new, unsaved account. */
  accountId: string;
  locale?: string;
  /** "handover" (setClientApiContext) or "fallback" (parent.Xrm / query string). */
  source: "handover" | "fallback";
}

export type ContextResult = { ok: true; context: ClientContext } | { ok: false; reason: "nocontext" };

declare global {
  interface Window {
    setClientApiContext?: (xrm: Xrm.XrmStatic, formContext?: Xrm.FormContext) => void;
  }
}

/** How long a framed panel waits for the form script before falling back to parent.Xrm. */
export const HANDOVER_WAIT_MS = 2000;

function fromXrm(xrm: Xrm.XrmStatic, accountId: string, source: ClientContext["source"]): ClientContext {
  let locale: string | undefined;
  try {
    // Dynamics' user language, so dates read the way the rest of the form does.
    const lcid = xrm.Utility?.getGlobalContext?.().userSettings?.languageId;
    locale = lcid ? lcidToLocale(lcid) : undefined;
  } catch {
    locale = undefined;
  }
  return {
    // Xrm's own promise type is PromiseLike-compatible at run time; the typings differ only in overloads.
    webApi: xrm.WebApi as unknown as WebApi,
    openAdopter: (id) => void xrm.Navigation.openForm({ entityName: ADOPTER_TABLE, entityId: id }),
    accountId: accountId && isGuid(accountId) ? normaliseId(accountId) : "",
    locale,
    source,
  };
}

// A few common LCIDs; anything else uses the browser's own locale.
const LCIDS: Record<number, string> = { 1033: "en-US", 2057: "en-GB", 1031: "de-DE", 1036: "fr-FR", 1043: "nl-NL", 3082: "es-ES", 1040: "it-IT", 1041: "ja-JP" };
function lcidToLocale(lcid: number): string | undefined {
  return LCIDS[lcid];
}

export function queryId(search: string): string {
  const p = new URLSearchParams(search);
  const id = p.get("id") ?? "";
  if (id) return id;
  // Custom values arrive packed in `data`; accept "id=<guid>" there too.
  const data = p.get("data");
  return data ? new URLSearchParams(data).get("id") ?? "" : "";
}

type MaybeXrm = { Xrm?: Xrm.XrmStatic };
function parentXrm(win: Window): Xrm.XrmStatic | undefined {
  try {
    const p = win.parent as unknown as MaybeXrm;
    if (win.parent !== win && p.Xrm?.WebApi) return p.Xrm;
  } catch {
    // cross-origin parent: no Xrm there for us
  }
  const own = (win as unknown as MaybeXrm).Xrm;
  return own?.WebApi ? own : undefined;
}

/**
 * Calls `handler` with the client context every time the form hands it over (the form script
 * runs again after a new account is first saved), or once from the fallback.
 */
export function onClientContext(win: Window, handler: (r: ContextResult) => void, waitMs = HANDOVER_WAIT_MS): void {
  let handedOver = false;
  win.setClientApiContext = (xrm, formContext) => {
    handedOver = true;
    const id = formContext?.data?.entity?.getId?.() ?? queryId(win.location.search);
    handler({ ok: true, context: fromXrm(xrm, id, "handover") });
  };
  const framed = win.parent !== win;
  // Standalone pages have no form to wait for.
  win.setTimeout(() => {
    if (handedOver) return;
    const xrm = parentXrm(win);
    if (xrm) handler({ ok: true, context: fromXrm(xrm, queryId(win.location.search), "fallback") });
    else handler({ ok: false, reason: "nocontext" });
  }, framed ? waitMs : 0);
}
