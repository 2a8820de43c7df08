// Generated, deterministic data for the fake Web API: accounts that exercise every panel state,
// and 5,000 adopters at Contoso (one of them named like an XSS payload).
const DAY = 86_400_000;
const FMT = "@OData.Community.Display.V1.FormattedValue";

export const IDS = {
  contoso: "5f0c7c8e-1b2a-4c3d-9e8f-0a1b2c3d4e5f", // 5,000 adopters, Enterprise-ready
  fabrikam: "6a1d8d9f-2c3b-4d4e-8f90-1b2c3d4e5f60", // 9 adopters, Spreading
  empty: "7b2e9ea0-3d4c-4e5f-9a01-2c3d4e5f6071", // no adopters, no stage
  forbidden: "8c3fafb1-4e5d-4f60-8b12-3d4e5f607182", // leads forbidden (privilege error)
  flaky: "9d40b0c2-5f6e-4071-9c23-4e5f60718293", // first leads request drops the connection
  paged: "ae51c1d3-6071-4182-8d34-5f60718293a4", // 1,200 adopters, server pages at 500
  slow: "bf62d2e4-7182-4293-9e45-60718293a4b5", // answers after a delay (loading state)
};

export const XSS_NAME = "<img src=x onerror=alert(1)>";
export const XSS_JOB = "<script>window.__xss=1</script>";

const STAGE = { none: 462010000, individual: 462010001, team: 462010002, spreading: 462010003, enterprise: 462010004 };
const STAGE_LABEL = { 462010000: "None", 462010001: "Individual", 462010002: "Team", 462010003: "Spreading", 462010004: "Enterprise-ready" };
const MATCH = [[462010000, "Domain Table"], [462010001, "Website"], [462010002, "Auto-created"]];

// Small seeded PRNG (mulberry32) so every run serves the same data.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Ava", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jia", "Kwame", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zoë"];
const LAST = ["Adams", "Berg", "Castro", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito", "Jansen", "Kowalski", "Larsen", "Müller", "Nakamura", "Okafor", "Patel", "Rossi", "Santos", "Tanaka", "Uddin", "Vargas", "Wagner", "Xu", "Yilmaz", "Zhang"];
const JOBS = ["Software Engineer", "Data Analyst", "Product Manager", "Designer", "Engineering Manager", "DevOps Engineer", "Marketing Lead", "QA Engineer", "Solutions Architect", "Support Specialist", ""];

function guid(r) {
  const h = () => Math.floor(r() * 0x10000).toString(16).padStart(4, "0");
  return `${h()}${h()}-${h()}-4${h().slice(1)}-${(8 + Math.floor(r() * 4)).toString(16)}${h().slice(1)}-${h()}${h()}${h()}`;
}

function leads(accountId, domain, count, now, seed, { xss = false, spanDays = 180 } = {}) {
  const r = rng(seed);
  const rows = [];
  for (let i = 0; i < count; i++) {
    // Skewed towards recent signups: adoption is growing.
    const age = Math.floor(Math.pow(r(), 1.6) * spanDays * DAY + r() * DAY);
    const first = FIRST[Math.floor(r() * FIRST.length)];
    const last = LAST[Math.floor(r() * LAST.length)];
    const [mm, ml] = MATCH[Math.floor(r() * (r() < 0.8 ? 1 : MATCH.length))];
    const usage = Math.floor(r() * r() * 400);
    rows.push({
      leadid: guid(r),
      _parentaccountid_value: accountId,
      fullname: `${first} ${last}`,
      emailaddress1: `${first}.${last}${i}@${domain}`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
      jobtitle: JOBS[Math.floor(r() * JOBS.length)] || null,
      createdon: new Date(now - age).toISOString().replace(/\.\d{3}Z$/, "Z"),
      adopt_usage: usage,
      [`adopt_usage${FMT}`]: usage.toLocaleString("en-US"),
      adopt_matchmethod: mm,
      [`adopt_matchmethod${FMT}`]: ml,
      adopt_matchexplanation: mm === 462010000 ? `Email domain ${domain} is in the domain table for this account`
        : mm === 462010001 ? `Email domain ${domain} matches the account's website www.${domain}`
        : `Account created automatically for the new domain ${domain}`,
    });
  }
  if (xss) {
    rows.push({ ...rows[0], leadid: guid(r), fullname: XSS_NAME, jobtitle: XSS_JOB, emailaddress1: `mallory@${domain}`,
      createdon: new Date(now - 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z") });
    rows.splice(0, 1);
  }
  return rows;
}

function account(id, name, stage, score, count, explanation) {
  return {
    accountid: id, name,
    adopt_adoptionscore: score, [`adopt_adoptionscore${FMT}`]: String(score),
    adopt_adoptionstage: stage, [`adopt_adoptionstage${FMT}`]: STAGE_LABEL[stage],
    adopt_adoptercount: count, [`adopt_adoptercount${FMT}`]: count.toLocaleString("en-US"),
    adopt_scoreexplanation: explanation,
    websiteurl: "not selected by the panel", telephone1: "not selected by the panel",
  };
}

export function generate(now = Date.now()) {
  const accounts = [
    account(IDS.contoso, "Contoso Ltd", STAGE.enterprise, 97, 5000, "5,000 people from contoso.com have signed up; 1,412 in the last 60 days (threshold 15). Usage is high: 212 sessions a week on average."),
    account(IDS.fabrikam, "Fabrikam, Inc.", STAGE.spreading, 58, 9, "9 people from fabrikam.com signed up in the last 60 days (Spreading at 8, Enterprise-ready at 15)."),
    account(IDS.empty, "Northwind Traders", STAGE.none, 0, 0, ""),
    account(IDS.forbidden, "Litware (no lead access)", STAGE.team, 30, 4, "4 people in the last 60 days."),
    account(IDS.flaky, "Tailspin Toys", STAGE.team, 33, 3, "3 people in the last 60 days."),
    account(IDS.paged, "Adventure Works", STAGE.enterprise, 90, 1200, "1,200 people; many recent."),
    account(IDS.slow, "Wide World Importers", STAGE.individual, 10, 2, "2 people in the last 60 days."),
  ];
  const lead = [
    ...leads(IDS.contoso, "contoso.com", 5000, now, 1, { xss: true }),
    ...leads(IDS.fabrikam, "fabrikam.com", 9, now, 2, { spanDays: 50 }),
    ...leads(IDS.forbidden, "litware.com", 4, now, 3),
    ...leads(IDS.flaky, "tailspintoys.com", 3, now, 4),
    ...leads(IDS.paged, "adventure-works.com", 1200, now, 5),
    ...leads(IDS.slow, "wideworldimporters.com", 2, now, 6),
  ];
  return { account: accounts, lead };
}
