import { describe, expect, it } from "vitest";
import { accountOptions, adopterOptions, loadAdopters, nextOptions, PAGE_SIZE } from "../../src/panel/load";
import { ACCOUNT_ID, adopter, fakeApi } from "./fakeXrm";

describe("queries", () => {
  it("asks only for the columns the panel shows", () => {
    expect(accountOptions()).toBe("?$select=name,adopt_adoptionscore,adopt_adoptionstage,adopt_adoptercount,adopt_scoreexplanation,adopt_scoredon,adopt_peakstage");
    expect(adopterOptions(`{${ACCOUNT_ID.toUpperCase()}}`)).toBe(
      "?$select=adopt_name,adopt_email,adopt_jobtitle,adopt_signups,adopt_firstsignupon,adopt_lastsignupon,adopt_usage,adopt_invitations,adopt_counted" +
      `&$filter=_adopt_accountid_value eq ${ACCOUNT_ID}&$orderby=adopt_lastsignupon desc,adopt_adopterid asc`);
  });
  it("takes the query part of nextLink", () => {
    expect(nextOptions("https://org.crm.dynamics.com/api/data/v9.2/adopt_adopters?$select=adopt_name&$skiptoken=%3Ccookie%3E"))
      .toBe("?$select=adopt_name&$skiptoken=%3Ccookie%3E");
  });
});

describe("loadAdopters", () => {
  it("follows nextLink until the last page and reports each page", async () => {
    const api = fakeApi((c) => {
      if (!c.options!.includes("skiptoken")) return { entities: [adopter(1), adopter(2)], nextLink: "http://h/api/data/v9.2/adopt_adopters?$skiptoken=2" };
      return { entities: [adopter(3)] };
    });
    const pages: [number, boolean][] = [];
    await loadAdopters(api, ACCOUNT_ID, (e) => pages.push([e.adopters.length, e.done]));
    expect(pages).toEqual([[2, false], [3, true]]);
    expect(api.calls[0]).toMatchObject({ kind: "multiple", entity: "adopt_adopter", maxPageSize: PAGE_SIZE });
    expect(api.calls[1].options).toBe("?$skiptoken=2");
  });
  it("stops at the cap and says the list is truncated", async () => {
    let n = 0;
    const api = fakeApi(() => ({ entities: [adopter(n++), adopter(n++)], nextLink: "http://h/adopt_adopters?$skiptoken=x" }));
    const events: { len: number; truncated: boolean; done: boolean }[] = [];
    await loadAdopters(api, ACCOUNT_ID, (e) => events.push({ len: e.adopters.length, truncated: e.truncated, done: e.done }), () => true, 4);
    expect(events.at(-1)).toEqual({ len: 4, truncated: true, done: true });
    expect(api.calls).toHaveLength(2);
  });
  it("drops a stale load's pages", async () => {
    const api = fakeApi(() => ({ entities: [adopter(1)] }));
    let called = false;
    await loadAdopters(api, ACCOUNT_ID, () => (called = true), () => false);
    expect(called).toBe(false);
  });
});
