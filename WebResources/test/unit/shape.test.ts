import { describe, expect, it } from "vitest";
import { countByWeek, countedNote, formatDate, isCooling, isGuid, normaliseId, stageIndex, toAccount, toAdopter, weekStart } from "../../src/panel/shape";
import { ACCOUNT_ROW, adopter } from "./fakeXrm";
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

describe("countByWeek", () => {
  const now = utc(2026, 11, 4); // a Wednesday
  it("counts per week, oldest first, ending with the current week", () => {
    const weeks = countByWeek([utc(2026, 11, 2), utc(2026, 11, 3), utc(2026, 10, 28)], now, 4);
    expect(weeks.map((w) => w.count)).toEqual([0, 0, 1, 2]);
    expect(weeks[3].start).toBe(utc(2026, 11, 2));
    expect(weeks[0].start).toBe(utc(2026, 10, 12));
  });
  it("keeps empty weeks and leaves out signups outside the window or without a date", () => {
    const weeks = countByWeek([utc(2026, 1, 1), NaN, utc(2026, 10, 13)], now, 4);
    expect(weeks).toHaveLength(4);
    expect(weeks.map((w) => w.count)).toEqual([1, 0, 0, 0]);
  });
  it("puts Sunday 23:59 and Monday 00:00 in different weeks", () => {
    const weeks = countByWeek([utc(2026, 11, 1, 23) + 59 * 60_000, utc(2026, 11, 2)], now, 2);
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
    expect(a.countedPeople).toBe(9);
    expect(a.scoredOn).toBe(Date.UTC(2026, 10, 3, 14, 5));
    expect(a.scoredOnText).toBe("");
    const b = toAccount("x", { ...ACCOUNT_ROW, "adopt_scoredon@OData.Community.Display.V1.FormattedValue": "03.11.2026 15:05" });
    expect(b.scoredOnText).toBe("03.11.2026 15:05");
  });
  it("copes with an account that has no score or stage yet", () => {
    const cooling = toAccount("x", { ...ACCOUNT_ROW, adopt_adoptionstage: 462010002, "adopt_adoptionstage@OData.Community.Display.V1.FormattedValue": "Team",
      adopt_peakstage: 462010004, "adopt_peakstage@OData.Community.Display.V1.FormattedValue": "Enterprise-ready" });
    expect([cooling.peakIndex, cooling.peakLabel, isCooling(cooling)]).toEqual([3, "Enterprise-ready", true]);
    expect(isCooling(toAccount("x", { ...ACCOUNT_ROW, adopt_peakstage: 462010003 }))).toBe(false); // at its peak
    const a = toAccount("x", { name: "New Co" });
    expect(a.stageIndex).toBe(-1);
    expect(a.scoreText).toBe("—");
    expect(a.stageLabel).toBe("No stage yet");
    expect(Number.isNaN(a.scoredOn)).toBe(true);
  });
});

describe("toAdopter", () => {
  it("reads an adopt_adopter row with the server's formatted numbers and keeps text as text", () => {
    const a = toAdopter(adopter(3, { adopt_name: "<img src=x onerror=alert(1)>" }));
    expect(a).toEqual({
      id: "00000000-0000-4000-8000-000000000003",
      name: "<img src=x onerror=alert(1)>",
      email: "person3@contoso.com",
      jobTitle: "Engineer",
      signups: "1",
      firstSignupOn: Date.UTC(2026, 9, 30) - 3 * 3_600_000,
      lastSignupOn: Date.UTC(2026, 9, 30) - 3 * 3_600_000,
      usage: "3",
      invitations: "1,203",
      counted: false,
    });
  });
  it("names a person by their email when the row has no name, and tolerates missing dates", () => {
    const a = toAdopter({ adopt_adopterid: "{ABC}", adopt_email: "pat@contoso.com", adopt_lastsignupon: null, adopt_signups: 2 });
    expect(a.name).toBe("pat@contoso.com");
    expect(a.id).toBe("abc");
    expect(a.signups).toBe("2");
    expect(Number.isNaN(a.lastSignupOn)).toBe(true);
    expect(Number.isNaN(a.firstSignupOn)).toBe(true);
    expect(a.counted).toBe(false);
    expect(toAdopter({}).name).toBe("(no name)");
  });
});

describe("countedNote", () => {
  const people = (counted: boolean[]) => counted.map((c, i) => toAdopter(adopter(i, { adopt_counted: c })));
  it("says how many of the listed people the score counts, and how many it does not", () => {
    expect(countedNote(people([true, false, true]), "en-US")).toBe("2 counted in the score; 1 last signed up too long ago to count.");
    expect(countedNote(people([true, true]), "en-US")).toBe("All counted in the score.");
    expect(countedNote(people([true]), "en-US")).toBe("Counted in the score.");
    expect(countedNote(people([false, false]), "en-US")).toBe("None counted in the score: 2 last signed up too long ago to count.");
  });
  it("formats large counts in the viewer's locale", () => {
    const many = Array.from({ length: 1500 }, (_, i) => i >= 1200);
    expect(countedNote(people(many), "en-US")).toBe("300 counted in the score; 1,200 last signed up too long ago to count.");
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
