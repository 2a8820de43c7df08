// Generated, deterministic data for the fake Web API: accounts that exercise every panel state,
// and 5,000 people at Contoso (one of them named like an XSS payload). Leads are the signups, some
// people signing up more than once (one of them with their email in another case); the adopter
// rows are derived from them the way the adoption model defines them (one row per person per
// account, person = the normalised email), so the panel sees what the engine would give it.
const DAY = 86_400_000;
const FMT = "@OData.Community.Display.V1.FormattedValue";
const LOOKUP = "@Microsoft.Dynamics.CRM.lookuplogicalname";

export const IDS = {
  contoso: "5f0c7c8e-1b2a-4c3d-9e8f-0a1b2c3d4e5f", // 5,000 people (more signups), Enterprise-ready
  fabrikam: "6a1d8d9f-2c3b-4d4e-8f90-1b2c3d4e5f60", // 9 adopters, Spreading
  empty: "7b2e9ea0-3d4c-4e5f-9a01-2c3d4e5f6071", // no adopters, no stage
  forbidden: "8c3fafb1-4e5d-4f60-8b12-3d4e5f607182", // adopters forbidden (privilege error)
  flaky: "9d40b0c2-5f6e-4071-9c23-4e5f60718293", // adopter requests drop the connection until told
  paged: "ae51c1d3-6071-4182-8d34-5f60718293a4", // 1,200 adopters, server pages at 500
  slow: "bf62d2e4-7182-4293-9e45-60718293a4b5", // answers after a delay (loading state)
};

export const XSS_NAME = "<img src=x onerror=alert(1)>";
export const XSS_JOB = "<script>window.__xss=1</script>";

const STAGE = { none: 462010000, individual: 462010001, team: 462010002, spreading: 462010003, enterprise: 462010004 };
const STAGE_LABEL = { 462010000: "None", 462010001: "Individual", 462010002: "Team", 462010003: "Spreading", 462010004: "Enterprise-ready" };

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

const iso = (t) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
/** Dataverse's formatted DateTime (user's locale and zone; en-US, UTC here). */
const usDateTime = (t) => new Date(t).toLocaleString("en-US", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit" }).replace(",", "");

/** People at one account and their signups (leads). `repeat`: share of people who signed up again. */
function people(accountId, accountName, domain, count, now, seed, { xss = false, spanDays = 180, repeat = 0.3 } = {}) {
  const r = rng(seed);
  const leads = [];
  for (let i = 0; i < count; i++) {
    // Skewed towards recent signups: adoption is growing.
    const age = Math.floor(Math.pow(r(), 1.6) * spanDays * DAY + r() * DAY);
    const first = FIRST[Math.floor(r() * FIRST.length)];
    const last = LAST[Math.floor(r() * LAST.length)];
    const email = `${first}.${last}${i}@${domain}`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const job = JOBS[Math.floor(r() * JOBS.length)] || null;
    // People come back days or weeks after their first signup, not within the hour.
    const again = r() < repeat && age > 14 * DAY ? 1 + Math.floor(r() * 3) : 0;
    const xssHere = xss && i === 0;
    for (let k = 0; k <= again; k++) {
      // The first signup is the oldest; later ones come after it, before now.
      const t = now - (k === 0 ? age : Math.floor(age * r()));
      const usage = Math.floor(r() * r() * 400);
      leads.push({
        leadid: guid(r),
        _parentaccountid_value: accountId,
        fullname: xssHere ? XSS_NAME : `${first} ${last}`,
        // The same person, their address typed in another case: still one person.
        emailaddress1: k === 1 && i % 7 === 0 ? email.toUpperCase() : xssHere ? `mallory@${domain}` : email,
        jobtitle: xssHere ? XSS_JOB : job,
        createdon: iso(xssHere && k === 0 ? now - 3 * 3_600_000 : t),
        adopt_usage: usage,
        [`adopt_usage${FMT}`]: usage.toLocaleString("en-US"),
        adopt_invitations: Math.floor(r() * 6),
      });
      if (xssHere) break;
    }
  }
  return { leads, adopters: adoptersOf(leads, accountId, accountName, now, r) };
}

/** Score window of the fake accounts: people whose last signup is older are not counted. */
export const WINDOW_DAYS = 90;

/** One adopt_adopter row per normalised email, as the adoption model keeps them. */
function adoptersOf(leads, accountId, accountName, now, r) {
  const byPerson = new Map();
  for (const l of leads) {
    const key = l.emailaddress1.normalize("NFC").toLowerCase();
    if (!byPerson.has(key)) byPerson.set(key, []);
    byPerson.get(key).push(l);
  }
  const rows = [];
  for (const [email, ls] of byPerson) {
    ls.sort((a, b) => (a.createdon < b.createdon ? -1 : 1));
    const latest = ls.at(-1);
    const first = Date.parse(ls[0].createdon), last = Date.parse(latest.createdon);
    const usage = latest.adopt_usage, invitations = ls.reduce((s, l) => s + l.adopt_invitations, 0);
    const counted = now - last <= WINDOW_DAYS * DAY;
    rows.push({
      adopt_adopterid: guid(r),
      adopt_name: latest.fullname || email,
      adopt_email: email,
      adopt_jobtitle: latest.jobtitle,
      adopt_signups: ls.length, [`adopt_signups${FMT}`]: ls.length.toLocaleString("en-US"),
      adopt_firstsignupon: iso(first), [`adopt_firstsignupon${FMT}`]: usDateTime(first),
      adopt_lastsignupon: iso(last), [`adopt_lastsignupon${FMT}`]: usDateTime(last),
      adopt_usage: usage, [`adopt_usage${FMT}`]: usage.toLocaleString("en-US"),
      adopt_invitations: invitations, [`adopt_invitations${FMT}`]: invitations.toLocaleString("en-US"),
      adopt_counted: counted, [`adopt_counted${FMT}`]: counted ? "Yes" : "No",
      _adopt_latestleadid_value: latest.leadid, [`_adopt_latestleadid_value${FMT}`]: latest.fullname,
      _adopt_accountid_value: accountId, [`_adopt_accountid_value${FMT}`]: accountName,
      [`_adopt_accountid_value${LOOKUP}`]: "account",
    });
  }
  return rows;
}

function account(id, name, stage, score, counted, explanation, scoredOn, peak = stage) {
  return {
    accountid: id, name,
    adopt_adoptionscore: score, [`adopt_adoptionscore${FMT}`]: String(score),
    adopt_adoptionstage: stage, [`adopt_adoptionstage${FMT}`]: STAGE_LABEL[stage],
    adopt_adoptercount: counted, [`adopt_adoptercount${FMT}`]: counted.toLocaleString("en-US"),
    adopt_scoreexplanation: explanation,
    // The highest stage since the account last had none; at the stage itself the account is not cooling.
    adopt_peakstage: peak, ...(peak === null || peak === undefined ? {} : { [`adopt_peakstage${FMT}`]: STAGE_LABEL[peak] }),
    adopt_scoredon: scoredOn === null ? null : iso(scoredOn), ...(scoredOn === null ? {} : { [`adopt_scoredon${FMT}`]: usDateTime(scoredOn) }),
    websiteurl: "not selected by the panel", telephone1: "not selected by the panel",
  };
}

export function generate(now = Date.now()) {
  const hour = 3_600_000;
  const sets = {
    contoso: people(IDS.contoso, "Contoso Ltd", "contoso.com", 5000, now, 1, { xss: true }),
    fabrikam: people(IDS.fabrikam, "Fabrikam, Inc.", "fabrikam.com", 9, now, 2, { spanDays: 50 }),
    forbidden: people(IDS.forbidden, "Litware (no adopter access)", "litware.com", 4, now, 3),
    flaky: people(IDS.flaky, "Tailspin Toys", "tailspintoys.com", 3, now, 4, { repeat: 0 }),
    paged: people(IDS.paged, "Adventure Works", "adventure-works.com", 1200, now, 5),
    slow: people(IDS.slow, "Wide World Importers", "wideworldimporters.com", 2, now, 6),
  };
  const counted = (k) => sets[k].adopters.filter((a) => a.adopt_counted).length;
  const accounts = [
    account(IDS.contoso, "Contoso Ltd", STAGE.enterprise, 97, counted("contoso"),
      `Enterprise-ready: ${counted("contoso").toLocaleString("en-US")} people at contoso.com signed up in the last ${WINDOW_DAYS} days, and they use it: half of them weekly.\nTalk to them about a company-wide plan with SSO, admin controls and compliance.`, now - 2 * hour),
    account(IDS.fabrikam, "Fabrikam, Inc.", STAGE.spreading, 58, counted("fabrikam"), `Spreading: ${counted("fabrikam")} people at fabrikam.com in the last ${WINDOW_DAYS} days.`, now - 5 * hour),
    account(IDS.empty, "Northwind Traders", STAGE.none, 0, 0, "", null),
    account(IDS.forbidden, "Litware (no adopter access)", STAGE.team, 30, counted("forbidden"), "Team: 4 people.", now - hour),
    account(IDS.flaky, "Tailspin Toys", STAGE.team, 33, counted("flaky"), "Team: 3 people.", now - hour),
    account(IDS.paged, "Adventure Works", STAGE.enterprise, 90, counted("paged"), "Enterprise-ready: many people, many recent.", now - hour),
    account(IDS.slow, "Wide World Importers", STAGE.individual, 10, counted("slow"), "Individual: 2 people.", now - hour),
  ];
  const all = Object.values(sets);
  return { account: accounts, lead: all.flatMap((s) => s.leads), adopt_adopter: all.flatMap((s) => s.adopters) };
}
