// Form script for the account form (web resource adopt_/adopters/accountform.js, OnLoad handler
// AdoptionCrm.AccountForm.onLoad, "pass execution context" on). Hands Xrm and the form context to
// the adopters panel, the documented way for an HTML web resource to get them.

/** The name of the web resource control on the account form that shows the panel. */
export const PANEL_CONTROL = "WebResource_adopt_adopters";

type ContentWindow = Window & { setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext) => void };

export function handOver(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, controlName = PANEL_CONTROL): Promise<boolean> {
  const control = formContext.getControl<Xrm.Controls.IframeControl>(controlName);
  if (!control || typeof control.getContentWindow !== "function") return Promise.resolve(false);
  return control.getContentWindow().then((w) => {
    const win = w as ContentWindow;
    if (typeof win.setClientApiContext !== "function") return false;
    win.setClientApiContext(xrm, formContext);
    return true;
  });
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
  const formContext = executionContext.getFormContext();
  const xrm = (globalThis as unknown as { Xrm: Xrm.XrmStatic }).Xrm;
  void handOver(xrm, formContext);
  // A new account has no id yet, so the panel asks to save it; hand over again once it has one.
  const entity = formContext.data?.entity;
  if (entity && !entity.getId() && typeof entity.addOnPostSave === "function") {
    entity.addOnPostSave(() => {
      if (entity.getId()) void handOver(xrm, formContext);
    });
  }
  // A web resource in a collapsed tab is only loaded when the tab opens: hand over again then.
  const control = formContext.getControl<Xrm.Controls.IframeControl>(PANEL_CONTROL);
  const tab = control?.getParent?.()?.getParent?.();
  if (tab && typeof tab.addTabStateChange === "function" && !registeredTabs.has(tab)) {
    registeredTabs.add(tab);
    tab.addTabStateChange(() => {
      if (tab.getDisplayState() === "expanded") void handOver(xrm, formContext);
    });
  }
}

const registeredTabs = new WeakSet<object>();
