// Turns what Xrm.WebApi rejects with into one of the panel's states. Xrm reports the Dataverse
// error code as a positive decimal (0x80040220 → 2147746336); bodies straight from the Web API and
// some clients use the signed form (-2147220960) or hex text, so all three are accepted.

export type Failure = "permission" | "notfound" | "network" | "error";

/** Privilege and access-check failures: missing privilege on the table, access check, CheckPrivilege. */
const PERMISSION_CODES = new Set([0x80040220, 0x80048306, 0x80040299]);
const NOT_FOUND_CODES = new Set([0x80040217]);

export function errorCode(err: unknown): number | null {
  if (!err || typeof err !== "object") return null;
  const raw = (err as { errorCode?: unknown; code?: unknown }).errorCode ?? (err as { code?: unknown }).code;
  if (typeof raw === "number" && Number.isFinite(raw)) return raw >>> 0;
  if (typeof raw === "string" && raw.trim() !== "") {
    const n = /^0x/i.test(raw) ? parseInt(raw, 16) : Number(raw);
    return Number.isFinite(n) ? n >>> 0 : null;
  }
  return null;
}

export function classify(err: unknown): Failure {
  const code = errorCode(err);
  const status = err && typeof err === "object" ? (err as { status?: unknown }).status : undefined;
  if ((code !== null && PERMISSION_CODES.has(code)) || status === 403 || status === 401) return "permission";
  if ((code !== null && NOT_FOUND_CODES.has(code)) || status === 404) return "notfound";
  if (err instanceof TypeError || status === 0) return "network";
  const message = err && typeof err === "object" ? String((err as { message?: unknown }).message ?? "") : "";
  if (code === null && /network|failed to fetch|offline|timed? ?out|connection/i.test(message)) return "network";
  return "error";
}

export function messageOf(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return String(err);
}
