// Pure data shaping: Web API rows → what the view shows. No DOM here, so it is unit-tested alone.
import { ADOPTER_KEY, FORMATTED, STAGES } from "./schema";

export type Row = Record<string, unknown>;

/** One person at the account: an adopt_adopter row as the list shows it. */
export interface Adopter {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  /** How many times this person signed up (their leads), as the server formats it. */
  signups: string;
  /** Milliseconds since the epoch, NaN when missing or unreadable. */
  firstSignupOn: number;
  lastSignupOn: number;
  usage: string;
  invitations: string;
  /** Counted in the score's window as of the last recompute. */
  counted: boolean;
}

export interface AccountSummary {
  id: string;
  name: string;
  score: number | null;
  scoreText: string;
  /** Index into STAGES, or -1 when the account has no stage yet. */
  stageIndex: number;
  stageLabel: string;
  /** The highest stage since the account last had none (adopt_peakstage): above the stage, the account is cooling. */
  peakIndex: number;
  peakLabel: string;
  /** People counted in the score (adopt_adoptercount). */
  countedPeople: number | null;
  explanation: string;
  /** When the score, stage and explanation were computed (adopt_scoredon); NaN when never. */
  scoredOn: number;
  /** The server's text for it (the user's format and time zone, as the account form shows it), else "". */
  scoredOnText: string;
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The server's formatted value (labels, localised numbers) when it sent one, else the raw value. */
export function formatted(row: Row, column: string): string {
  const f = row[column + FORMATTED];
  return typeof f === "string" ? f : text(row[column]);
}

function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** Where a stage sits on the step bar: by its choice value, else by its label. -1 when unknown. */
export function stageIndex(value: unknown, label?: string): number {
  const v = num(value);
  if (v !== null) {
    const i = STAGES.findIndex((s) => s.value === v);
    if (i >= 0) return i;
  }
  if (label) {
    const l = label.trim().toLowerCase();
    return STAGES.findIndex((s) => s.label.toLowerCase() === l);
  }
  return -1;
}

export function toAccount(id: string, row: Row): AccountSummary {
  const score = num(row.adopt_adoptionscore);
  const stageLabelFromServer = typeof row["adopt_adoptionstage" + FORMATTED] === "string"
    ? (row["adopt_adoptionstage" + FORMATTED] as string) : undefined;
  const idx = stageIndex(row.adopt_adoptionstage, stageLabelFromServer);
  const peakLabelFromServer = typeof row["adopt_peakstage" + FORMATTED] === "string" ? (row["adopt_peakstage" + FORMATTED] as string) : undefined;
  const peak = stageIndex(row.adopt_peakstage, peakLabelFromServer);
  return {
    id,
    name: text(row.name),
    score,
    scoreText: score === null ? "—" : formatted(row, "adopt_adoptionscore"),
    stageIndex: idx,
    stageLabel: stageLabelFromServer ?? (idx >= 0 ? STAGES[idx].label : "No stage yet"),
    peakIndex: peak,
    peakLabel: peakLabelFromServer ?? (peak >= 0 ? STAGES[peak].label : ""),
    countedPeople: num(row.adopt_adoptercount),
    explanation: text(row.adopt_scoreexplanation),
    scoredOn: date(row.adopt_scoredon),
    scoredOnText: typeof row["adopt_scoredon" + FORMATTED] === "string" ? (row["adopt_scoredon" + FORMATTED] as string) : "",
  };
}

function date(value: unknown): number {
  return typeof value === "string" ? Date.parse(value) : NaN;
}

/** A falling account is cooling, not silently demoted: its stage is below the peak it reached. */
export function isCooling(a: AccountSummary): boolean {
  return a.peakIndex >= 0 && a.peakIndex > a.stageIndex;
}

export function toAdopter(row: Row): Adopter {
  const email = text(row.adopt_email);
  return {
    id: normaliseId(text(row[ADOPTER_KEY])),
    // The primary name is the person's full name, else their email (the contract); guard anyway.
    name: text(row.adopt_name) || email || "(no name)",
    email,
    jobTitle: text(row.adopt_jobtitle),
    signups: formatted(row, "adopt_signups"),
    firstSignupOn: date(row.adopt_firstsignupon),
    lastSignupOn: date(row.adopt_lastsignupon),
    usage: formatted(row, "adopt_usage"),
    invitations: formatted(row, "adopt_invitations"),
    counted: row.adopt_counted === true,
  };
}

/** Form ids come as "{GUID}" in upper case; the Web API wants bare lower-case GUIDs. */
export function normaliseId(id: string): string {
  return id.replace(/[{}]/g, "").trim().toLowerCase();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function isGuid(id: string): boolean {
  return GUID.test(normaliseId(id));
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the ISO week holding t. UTC so every viewer sees the same buckets. */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  const dow = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - dow * DAY;
}

export interface WeekBucket {
  start: number;
  count: number;
}

/**
 * How many of `times` fall in each of the `weeks` weeks ending with the week holding `now`, oldest
 * first, with empty weeks kept (a gap is information). Times outside the window are left out. The
 * panel passes each adopter's first signup, so a bar is the people who arrived that week.
 */
export function countByWeek(times: readonly number[], now: number, weeks = 26): WeekBucket[] {
  const last = weekStart(now);
  const first = last - (weeks - 1) * WEEK;
  const counts = new Array<number>(weeks).fill(0);
  for (const t of times) {
    if (!Number.isFinite(t)) continue;
    // Weeks are whole multiples of WEEK apart in UTC, so the index is a division.
    const i = Math.floor((t - first) / WEEK);
    if (i >= 0 && i < weeks) counts[i]++;
  }
  return counts.map((count, i) => ({ start: first + i * WEEK, count }));
}

/** What the list holds beyond its count: how many of those people the score counts. */
export function countedNote(people: readonly Adopter[], locale?: string): string {
  let counted = 0;
  for (const p of people) if (p.counted) counted++;
  const rest = people.length - counted;
  if (rest === 0) return people.length === 1 ? "Counted in the score." : "All counted in the score.";
  // adopt_counted: inside the score's window as of the last recompute (the adoption contract).
  const others = `${formatCount(rest, locale)} last signed up too long ago to count`;
  return counted === 0 ? `None counted in the score: ${others}.` : `${formatCount(counted, locale)} counted in the score; ${others}.`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A short date in the viewer's locale (formatters are cached: the list formats rows as they scroll in). */
export function formatDate(t: number, locale?: string, timeZone?: string): string {
  if (!Number.isFinite(t)) return "";
  const key = `${locale ?? ""}|${timeZone ?? ""}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone });
    dateFormats.set(key, f);
  }
  return f.format(t);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** Date and time in the viewer's locale and time zone: when the score was computed. */
export function formatDateTime(t: number, locale?: string): string {
  if (!Number.isFinite(t)) return "";
  let f = dateTimeFormats.get(locale ?? "");
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
    dateTimeFormats.set(locale ?? "", f);
  }
  return f.format(t);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatCount(n: number, locale?: string): string {
  let f = numberFormats.get(locale ?? "");
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale ?? "", f);
  }
  return f.format(n);
}

/**
 * Creates the formatters the first render needs. The first Intl formatter in a fresh frame loads
 * locale data (measured: ~50–90 ms in headless Chromium); doing it while the request is in flight
 * keeps that off the time between data arriving and the list showing.
 */
export function warmFormatters(locale?: string): void {
  formatCount(0, locale);
  formatDate(0, locale);
  formatDate(0, locale, "UTC");
  formatDateTime(0, locale);
}
