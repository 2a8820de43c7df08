// A tiny stand-in for the Dataverse Web API (accounts, leads, adopt_adopters), answering the OData
// shapes the panel uses: single-record GET with $select, collection GET with $select, $filter
// (eq, joined by and), $orderby, $top, Prefer odata.maxpagesize → @odata.nextLink, formatted-value
// annotations on request, and Dataverse error bodies. It also serves the built web resources
// (/WebResources/...) and the host page (/host/...), like `adoptioncrm demo --serve` will.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generate, IDS } from "./data.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const API = "/api/data/v9.2/";
const SETS = {
  accounts: { table: "account", key: "accountid" },
  leads: { table: "lead", key: "leadid", accountLookup: "_parentaccountid_value" },
  adopt_adopters: { table: "adopt_adopter", key: "adopt_adopterid", accountLookup: "_adopt_accountid_value" },
};
/** The set whose reads the special accounts (forbidden, dropped, slow) disturb: the panel's list. */
const LIST_TABLE = "adopt_adopter";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".json": "application/json" };
const FMT = "@OData.Community.Display.V1.FormattedValue";

function dvError(res, status, code, message) {
  res.writeHead(status, { "Content-Type": "application/json; odata.metadata=minimal", "OData-Version": "4.0" });
  res.end(JSON.stringify({ error: { code, message } }));
}

function send(res, body, headers = {}) {
  res.writeHead(200, { "Content-Type": "application/json; odata.metadata=minimal", "OData-Version": "4.0", ...headers });
  res.end(JSON.stringify(body));
}

/** Parses "a eq 1 and b eq 'x'" (the subset the panel and tools need). */
function parseFilter(text) {
  return text.split(/\s+and\s+/i).map((part) => {
    const m = /^\s*([\w]+)\s+eq\s+(.+?)\s*$/i.exec(part);
    if (!m) throw new Error(`Unsupported $filter clause: ${part}`);
    let v = m[2];
    if (/^'.*'$/.test(v)) v = v.slice(1, -1).replace(/''/g, "'");
    else if (v === "null") v = null;
    else if (/^-?\d+(\.\d+)?$/.test(v)) v = Number(v);
    return { column: m[1].toLowerCase(), value: v };
  });
}

function project(row, select, key, annotate) {
  const out = { "@odata.etag": `W/"${row[key].slice(0, 8)}"` };
  for (const c of [...select, key]) {
    // Dataverse puts a column's annotations (formatted value, lookup's table) before its value.
    if (annotate) for (const k of Object.keys(row)) if (k.startsWith(c + "@")) out[k] = row[k];
    out[c] = row[c] ?? null;
  }
  return out;
}

export async function startFakeWebApi({ port = 0, now = Date.now(), maxPageSize = 5000, pageCaps = { [IDS.paged]: 500 }, slowMs = 2000 } = {}) {
  const data = generate(now);
  const requests = [];
  // Accounts whose adopter requests drop the connection while listed (the test toggles this: a
  // one-shot failure is not enough, as Chromium retries a GET once on a reset keep-alive socket).
  const dropListFor = new Set([IDS.flaky]);
  const columns = Object.fromEntries(Object.entries(data).map(([t, rows]) => [t, new Set(rows.flatMap((r) => Object.keys(r)).filter((k) => !k.includes("@")))]));

  async function api(req, res, url) {
    const rest = url.pathname.slice(API.length);
    const m = /^(\w+)(?:\(([0-9a-fA-F-]{36})\))?$/.exec(rest);
    const set = m && SETS[m[1]];
    if (!set) return dvError(res, 404, "0x80060888", `Resource not found for the segment '${rest}'.`);
    const rows = data[set.table];
    const prefer = String(req.headers.prefer ?? "");
    const annotate = /odata\.include-annotations="?(\*|[^"]*FormattedValue)/.test(prefer);
    const q = url.searchParams;
    const select = (q.get("$select") ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
    for (const c of select) {
      if (!columns[set.table].has(c)) return dvError(res, 400, "0x80060888", `Could not find a property named '${c}' on type 'Microsoft.Dynamics.CRM.${set.table}'.`);
    }
    const cols = select.length ? select : [...columns[set.table]];

    if (m[2]) {
      const id = m[2].toLowerCase();
      if (id === IDS.slow) await new Promise((r) => setTimeout(r, slowMs));
      const row = rows.find((r) => r[set.key] === id);
      if (!row) return dvError(res, 404, "0x80040217", `${set.table} With Id = ${id} Does Not Exist`);
      return send(res, { "@odata.context": `${url.origin}${API}$metadata#${m[1]}(${cols.join(",")})/$entity`, ...project(row, cols, set.key, annotate) });
    }

    let filter;
    try { filter = q.get("$filter") ? parseFilter(q.get("$filter")) : []; } catch (e) { return dvError(res, 400, "0x80060888", e.message); }
    const accountFilter = filter.find((f) => f.column === set.accountLookup)?.value;
    if (set.table === LIST_TABLE && accountFilter === IDS.forbidden) {
      return dvError(res, 403, "0x80040220", "Principal user (Id=3a9c…, type=8, roleCount=1) is missing prvReadadopt_adopter privilege (Id=…) on OTC=10012 for entity 'adopt_adopter'.");
    }
    if (set.table === LIST_TABLE && dropListFor.has(accountFilter)) {
      req.socket.destroy(); // a dropped connection: the browser sees a network error
      return;
    }
    if (accountFilter === IDS.slow) await new Promise((r) => setTimeout(r, slowMs));

    let result = rows.filter((r) => filter.every((f) => (r[f.column] ?? null) === f.value));
    const orderby = q.get("$orderby");
    if (orderby) {
      const keys = orderby.split(",").map((s) => { const [c, d] = s.trim().split(/\s+/); return { c: c.toLowerCase(), desc: /desc/i.test(d ?? "") }; });
      result = [...result].sort((a, b) => {
        for (const k of keys) {
          const x = a[k.c], y = b[k.c];
          if (x === y) continue;
          const cmp = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
          return k.desc ? -cmp : cmp;
        }
        return a[set.key] < b[set.key] ? -1 : 1;
      });
    }
    const top = q.get("$top") ? Number(q.get("$top")) : undefined;
    if (top !== undefined) result = result.slice(0, top);

    // Paging: Prefer odata.maxpagesize, capped by the server's own page size (per account for tests).
    const asked = Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? maxPageSize);
    const page = Math.min(asked, maxPageSize, pageCaps[accountFilter] ?? Infinity);
    const skip = Number(q.get("$skiptoken") ?? 0);
    const slice = result.slice(skip, skip + page);
    const body = { "@odata.context": `${url.origin}${API}$metadata#${m[1]}(${cols.join(",")})`, value: slice.map((r) => project(r, cols, set.key, annotate)) };
    if (top === undefined && skip + page < result.length) {
      const next = new URL(url);
      next.searchParams.set("$skiptoken", String(skip + page));
      body["@odata.nextLink"] = next.toString();
    }
    const applied = [annotate ? 'odata.include-annotations="*"' : "", /maxpagesize/.test(prefer) ? `odata.maxpagesize=${page}` : ""].filter(Boolean).join(",");
    return send(res, body, applied ? { "Preference-Applied": applied } : {});
  }

  async function file(res, path) {
    // /WebResources/x → dist/x (the built web resources), /host/x → host/x.
    const rel = path.startsWith("/WebResources/") ? join("dist", path.slice("/WebResources/".length))
      : path.startsWith("/host/") ? join("host", path.slice("/host/".length)) : null;
    const full = rel && normalize(join(root, rel));
    if (!full || !full.startsWith(root)) { res.writeHead(404); return res.end("not found"); }
    try {
      const body = await readFile(full);
      res.writeHead(200, { "Content-Type": TYPES[extname(full)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404); res.end("not found");
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    // The test's own expectation reads carry x-adopt-test, so they can be told from the panel's.
    requests.push({ method: req.method, path: url.pathname, search: decodeURIComponent(url.search), prefer: req.headers.prefer ?? "", fromTest: !!req.headers["x-adopt-test"] });
    if (req.method !== "GET") return dvError(res, 405, "0x80060888", "The fake Web API only reads.");
    const handle = url.pathname.startsWith(API) ? api(req, res, url) : file(res, url.pathname);
    handle.catch((e) => { if (!res.headersSent) dvError(res, 500, "0x80040216", String(e?.message ?? e)); });
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, apiBase: base + API, data, requests, dropListFor, close: () => new Promise((r) => server.close(r)) };
}
