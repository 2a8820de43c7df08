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
  return { webApi: api, openAdopter: (id) => opened.push(id), accountId, locale: "en-US", source: "handover" };
}

const FMT = "@OData.Community.Display.V1.FormattedValue";

/** An adopt_adopter row as the Web API returns it: person i signed up i % 3 + 1 times. */
export function adopter(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const last = Date.UTC(2026, 9, 30) - i * 3_600_000;
  const signups = (i % 3) + 1;
  return {
    adopt_adopterid: id,
    adopt_name: `Person ${i}`,
    adopt_email: `person${i}@contoso.com`,
    adopt_jobtitle: "Engineer",
    adopt_signups: signups,
    [`adopt_signups${FMT}`]: String(signups),
    adopt_firstsignupon: new Date(last - (signups - 1) * 7 * 86_400_000).toISOString(),
    adopt_lastsignupon: new Date(last).toISOString(),
    adopt_usage: i % 50,
    [`adopt_usage${FMT}`]: String(i % 50),
    adopt_invitations: 1200 + i,
    [`adopt_invitations${FMT}`]: (1200 + i).toLocaleString("en-US"),
    adopt_counted: i % 4 !== 3,
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
  adopt_scoredon: "2026-11-03T14:05:00Z",
};

/** Waits until `check` passes (DOM updates follow promise chains of unknown length). */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
