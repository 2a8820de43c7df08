import { afterEach, describe, expect, it, vi } from "vitest";
import { onClientContext, queryId, type ContextResult } from "../../src/panel/context";
import { handOver, onLoad, PANEL_CONTROL } from "../../src/form/accountform";

const ID = "5F0C7C8E-1B2A-4C3D-9E8F-0A1B2C3D4E5F";

function fakeXrm(opened: unknown[] = []) {
  return {
    WebApi: { retrieveRecord: vi.fn(), retrieveMultipleRecords: vi.fn() },
    Navigation: { openForm: (o: unknown) => { opened.push(o); return Promise.resolve(); } },
    Utility: { getGlobalContext: () => ({ userSettings: { languageId: 1031 } }) },
  } as unknown as Xrm.XrmStatic;
}

afterEach(() => {
  vi.useRealTimers();
  delete (window as unknown as { Xrm?: unknown }).Xrm;
});

describe("client API context", () => {
  it("takes Xrm and the record id from the form's hand-over", () => {
    vi.useFakeTimers();
    const got: ContextResult[] = [];
    onClientContext(window, (r) => got.push(r), 2000);
    const opened: unknown[] = [];
    const formContext = { data: { entity: { getId: () => `{${ID}}` } } } as unknown as Xrm.FormContext;
    window.setClientApiContext!(fakeXrm(opened), formContext);
    vi.runAllTimers(); // the fallback must not fire after a hand-over
    expect(got).toHaveLength(1);
    const r = got[0];
    if (!r.ok) throw new Error("expected a context");
    expect(r.context.source).toBe("handover");
    expect(r.context.accountId).toBe(ID.toLowerCase());
    expect(r.context.locale).toBe("de-DE");
    r.context.openAdopter("abc");
    expect(opened).toEqual([{ entityName: "adopt_adopter", entityId: "abc" }]);
  });

  it("falls back to an Xrm on the window and the id query parameter", () => {
    vi.useFakeTimers();
    (window as unknown as { Xrm: unknown }).Xrm = fakeXrm();
    const got: ContextResult[] = [];
    const win = Object.create(window, { location: { value: { search: `?id=%7B${ID}%7D&typename=account` } } });
    win.parent = win;
    onClientContext(win, (r) => got.push(r));
    vi.runAllTimers();
    expect(got[0].ok && got[0].context.accountId).toBe(ID.toLowerCase());
    expect(got[0].ok && got[0].context.source).toBe("fallback");
  });

  it("says there is no context when nothing provides Xrm", () => {
    vi.useFakeTimers();
    const got: ContextResult[] = [];
    onClientContext(window, (r) => got.push(r));
    vi.runAllTimers();
    expect(got).toEqual([{ ok: false, reason: "nocontext" }]);
  });

  it("reads id from the query string or the packed data parameter", () => {
    expect(queryId("?id=abc")).toBe("abc");
    expect(queryId("?data=" + encodeURIComponent("id=def&x=1"))).toBe("def");
    expect(queryId("")).toBe("");
  });
});

describe("form script", () => {
  it("hands Xrm and the form context to the panel's content window", async () => {
    const calls: unknown[][] = [];
    const content = { setClientApiContext: (...a: unknown[]) => calls.push(a) };
    const formContext = {
      getControl: (name: string) => (name === PANEL_CONTROL ? { getContentWindow: () => Promise.resolve(content) } : null),
    } as unknown as Xrm.FormContext;
    const xrm = fakeXrm();
    await expect(handOver(xrm, formContext)).resolves.toBe(true);
    expect(calls).toEqual([[xrm, formContext]]);
  });

  it("hands over again after a new account's first save", async () => {
    let id = "";
    let postSave: (() => void) | undefined;
    const calls: unknown[] = [];
    const content = { setClientApiContext: (_x: unknown, fc: Xrm.FormContext) => calls.push(fc.data.entity.getId()) };
    const formContext = {
      data: { entity: { getId: () => id, addOnPostSave: (h: () => void) => (postSave = h) } },
      getControl: () => ({ getContentWindow: () => Promise.resolve(content), getParent: () => null }),
    } as unknown as Xrm.FormContext;
    (globalThis as unknown as { Xrm: unknown }).Xrm = fakeXrm();
    onLoad({ getFormContext: () => formContext } as unknown as Xrm.Events.EventContext);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([""]);
    id = "{" + ID + "}";
    postSave!();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(["", "{" + ID + "}"]);
  });

  it("does nothing on a form without the panel", async () => {
    const formContext = { getControl: () => null } as unknown as Xrm.FormContext;
    await expect(handOver(fakeXrm(), formContext)).resolves.toBe(false);
  });
});
