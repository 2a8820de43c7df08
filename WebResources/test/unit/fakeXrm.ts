// A scripted Xrm.WebApi for unit tests: records every request and answers from a handler.
import type { WebApi } from "../../src/panel/load";
import type { ClientContext } from "../../src/panel/context";

export interface Call {
  kind: "record" | "multiple";
  entity: string;
  id?: string;
  options?: string;
  maxPageSize?: number;
}

export type Handler = (call: Call) => unknown | Promise<unknown>;

export function fakeApi(handler: Handler): WebApi & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    retrieveRecord(entity, id, options) {
      const c: Call = { kind: "record", entity, id, options };
      calls.push(c);
      return Promise.resolve().then(() => handler(c)) as Promise<Record<string, unknown>>;
    },
    retrieveMultipleRecords(entity, options, maxPageSize) {
      const c: Call = { kind: "multiple", entity, options, maxPageSize };
      calls.push(c);
      return Promise.resolve().then(() => handler(c)) as Promise<{ entities: Record<string, unknown>[]; nextLink?: string }>;
    },
  };
}

export const ACCOUNT_ID = "5f0c7c8e-1b2a-4c3d-9e8f-0a1b2c3d4e5f";

export function context(api: WebApi, opened: string[] = [], accountId = ACCOUNT_ID): ClientContext {
  return { webApi: api, openLead: (id) => opened.push(id), accountId, locale: "en-US", source: "handover" };
}

export function lead(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  return {
    leadid: id,
    fullname: `Person ${i}`,
    emailaddress1: `person${i}@contoso.com`,
    jobtitle: "Engineer",
    createdon: new Date(Date.UTC(2026, 9, 30) - i * 3_600_000).toISOString(),
    adopt_usage: i % 50,
    adopt_matchmethod: 462010000,
    "adopt_matchmethod@OData.Community.Display.V1.FormattedValue": "Domain Table",
    adopt_matchexplanation: "contoso.com is the account's website domain",
    ...over,
  };
}

export const ACCOUNT_ROW = {
  accountid: ACCOUNT_ID,
  name: "Contoso",
  adopt_adoptionscore: 72,
  "adopt_adoptionscore@OData.Community.Display.V1.FormattedValue": "72",
  adopt_adoptionstage: 462010003,
  "adopt_adoptionstage@OData.Community.Display.V1.FormattedValue": "Spreading",
  adopt_adoptercount: 9,
  adopt_scoreexplanation: "9 people in the last 60 days",
};

/** Waits until `check` passes (DOM updates follow promise chains of unknown length). */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
