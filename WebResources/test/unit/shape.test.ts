import { describe, expect, it } from "vitest";
import { formatDate, isGuid, normaliseId, signupsByWeek, stageIndex, toAccount, toAdopter, weekStart } from "../../src/panel/shape";
import { ACCOUNT_ROW, lead } from "./fakeXrm";
import { STAGE_NONE } from "../../src/panel/schema";

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe("weekStart", () => {
  it("is Monday 00:00 UTC of the same ISO week", () => {
    // 2026-11-01 is a Sunday: its week began Monday 2026-10-26.
    expect(weekStart(utc(2026, 11, 1, 23))).toBe(utc(2026, 10, 26));
    expect(weekStart(utc(2026, 10, 26, 0))).toBe(utc(2026, 10, 26));
    expect(weekStart(utc(2026, 10, 27, 12))).toBe(utc(2026, 10, 26));
  });
});

describe("signupsByWeek", () => {
  const now = utc(2026, 11, 4); // a Wednesday
  it("counts per week, oldest first, ending with the current week", () => {
    const weeks = signupsByWeek([utc(2026, 11, 2), utc(2026, 11, 3), utc(2026, 10, 28)], now, 4);
    expect(weeks.map((w) => w.count)).toEqual([0, 0, 1, 2]);
    expect(weeks[3].start).toBe(utc(2026, 11, 2));
    expect(weeks[0].start).toBe(utc(2026, 10, 12));
  });
  it("keeps empty weeks and leaves out signups outside the window or without a date", () => {
    const weeks = signupsByWeek([utc(2026, 1, 1), NaN, utc(2026, 10, 13)], now, 4);
    expect(weeks).toHaveLength(4);
    expect(weeks.map((w) => w.count)).toEqual([1, 0, 0, 0]);
  });
  it("puts Sunday 23:59 and Monday 00:00 in different weeks", () => {
    const weeks = signupsByWeek([utc(2026, 11, 1, 23) + 59 * 60_000, utc(2026, 11, 2)], now, 2);
    expect(weeks.map((w) => w.count)).toEqual([1, 1]);
  });
});

describe("stage mapping", () => {
  it("maps the choice values in step order", () => {
    expect([462010001, 462010002, 462010003, 462010004].map((v) => stageIndex(v))).toEqual([0, 1, 2, 3]);
  });
  it("falls back to the label, and to -1 for nothing known", () => {
    expect(stageIndex(null, "enterprise-ready")).toBe(3);
    expect(stageIndex(42, "Team")).toBe(1);
    expect(stageIndex(null)).toBe(-1);
    expect(stageIndex(STAGE_NONE, "None")).toBe(-1);
    expect(stageIndex(7, "Unknown")).toBe(-1);
  });
  it("reads the account with the server's formatted label", () => {
    const a = toAccount("x", { ...ACCOUNT_ROW, "adopt_adoptionstage@OData.Community.Display.V1.FormattedValue": "Verbreitung" });
    expect(a.stageIndex).toBe(2);
    expect(a.stageLabel).toBe("Verbreitung");
    expect(a.score).toBe(72);
    expect(a.adopterCount).toBe(9);
  });
  it("copes with an account that has no score or stage yet", () => {
    const a = toAccount("x", { name: "New Co" });
    expect(a.stageIndex).toBe(-1);
    expect(a.scoreText).toBe("—");
    expect(a.stageLabel).toBe("No stage yet");
  });
});

describe("toAdopter", () => {
  it("uses formatted values for choices and keeps text as text", () => {
    const a = toAdopter(lead(3, { fullname: "<img src=x onerror=alert(1)>" }));
    expect(a.name).toBe("<img src=x onerror=alert(1)>");
    expect(a.matchMethod).toBe("Domain Table");
    expect(a.usage).toBe("3");
    expect(a.createdOn).toBe(Date.UTC(2026, 9, 30) - 3 * 3_600_000);
  });
  it("names the nameless and tolerates missing dates", () => {
    const a = toAdopter({ leadid: "{ABC}", createdon: null });
    expect(a.name).toBe("(no name)");
    expect(a.id).toBe("abc");
    expect(Number.isNaN(a.createdOn)).toBe(true);
  });
});

describe("formatting", () => {
  it("formats dates in the given locale and nothing for no date", () => {
    expect(formatDate(utc(2026, 3, 5, 12), "en-US", "UTC")).toBe("Mar 5, 2026");
    expect(formatDate(NaN)).toBe("");
  });
  it("normalises form ids", () => {
    expect(normaliseId("{5F0C7C8E-1B2A-4C3D-9E8F-0A1B2C3D4E5F}")).toBe("5f0c7c8e-1b2a-4c3d-9e8f-0a1b2c3d4e5f");
    expect(isGuid("{5F0C7C8E-1B2A-4C3D-9E8F-0A1B2C3D4E5F}")).toBe(true);
    expect(isGuid("1 or 1=1")).toBe(false);
  });
});
