// @ts-check
// The local account form: an Xrm whose WebApi forwards to a Dataverse Web API base URL, a form
// context with the panel's web resource control, and the real form script's OnLoad. Used by the
// browser test and by `adoptioncrm demo --serve`; plain JS so it runs as served, unbuilt.
(function () {
  const params = new URLSearchParams(location.search);
  const apiBase = ensureSlash(params.get("api") || `${location.origin}/api/data/v9.2/`);
  const accountId = (params.get("id") || "").replace(/[{}]/g, "").toLowerCase();
  const panelUrl = params.get("panel") || "/WebResources/adopt_/adopters/panel.html";
  const mode = params.get("mode") || "handover"; // "parent": no form script, the panel must fall back to parent.Xrm
  const SETS = { account: "accounts", lead: "leads", contact: "contacts", task: "tasks" };
  /** @type {{entityName: string, entityId?: string}[]} */
  const openedForms = [];

  function ensureSlash(u) { return u.endsWith("/") ? u : u + "/"; }
  function setName(table) { return SETS[table] || table + "s"; }

  // Xrm.WebApi rejects with { errorCode (positive decimal), message }; same here.
  async function request(url, maxPageSize) {
    const headers = {
      Accept: "application/json",
      "OData-Version": "4.0",
      "OData-MaxVersion": "4.0",
      Prefer: ['odata.include-annotations="*"', maxPageSize ? `odata.maxpagesize=${maxPageSize}` : ""].filter(Boolean).join(","),
    };
    let res;
    try {
      res = await fetch(url, { headers, credentials: "include" });
    } catch (e) {
      throw { message: `Network error: failed to fetch ${url}`, errorCode: undefined };
    }
    const text = await res.text();
    const body = text ? JSON.parse(text) : {};
    if (!res.ok) {
      const code = body && body.error && body.error.code;
      const n = typeof code === "string" && /^0x/i.test(code) ? parseInt(code, 16) >>> 0 : undefined;
      throw { errorCode: n, message: (body && body.error && body.error.message) || `HTTP ${res.status}`, code: n };
    }
    return body;
  }

  const Xrm = {
    WebApi: {
      retrieveRecord(table, id, options) {
        return request(`${apiBase}${setName(table)}(${String(id).replace(/[{}]/g, "")})${options || ""}`);
      },
      async retrieveMultipleRecords(table, options, maxPageSize) {
        const body = await request(`${apiBase}${setName(table)}${options || ""}`, maxPageSize);
        return { entities: body.value || [], nextLink: body["@odata.nextLink"] };
      },
    },
    Navigation: {
      openForm(options) {
        openedForms.push({ entityName: options.entityName, entityId: options.entityId });
        const out = document.getElementById("opened");
        if (out) out.textContent = `Opened ${options.entityName} ${options.entityId}`;
        return Promise.resolve({ savedEntityReference: [] });
      },
    },
    Utility: {
      getGlobalContext() {
        return { userSettings: { languageId: 1033 }, getClientUrl: () => location.origin };
      },
    },
  };

  const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("WebResource_adopt_adopters"));
  // Dynamics passes the record to a web resource with PassParameters: id, typename, orgname…
  const q = new URLSearchParams({ id: `{${accountId.toUpperCase()}}`, typename: "account", orgname: "local", userlcid: "1033", orglcid: "1033" });
  frame.src = `${panelUrl}?${q}`;
  const frameLoaded = new Promise((resolve) => frame.addEventListener("load", () => resolve(frame.contentWindow), { once: true }));

  const tab = { addTabStateChange() {}, getDisplayState: () => "expanded" };
  const section = { getParent: () => tab };
  const formContext = {
    data: { entity: { getId: () => (accountId ? `{${accountId.toUpperCase()}}` : ""), getEntityName: () => "account" } },
    getControl(name) {
      if (name !== frame.id) return null;
      return { getName: () => name, getContentWindow: () => frameLoaded, getParent: () => section };
    },
    ui: { tabs: { get: () => tab } },
  };

  Object.assign(window, { Xrm, __host: { openedForms, formContext, apiBase, accountId } });

  // The account's name for the form header (as the form would show it), via the same Web API.
  if (accountId) {
    Xrm.WebApi.retrieveRecord("account", accountId, "?$select=name").then(
      (a) => { const h = document.getElementById("record-name"); if (h) h.textContent = a.name; },
      () => {});
  }

  if (mode === "handover") {
    // Load the real form script from next to the panel and run its OnLoad, as the form would.
    const s = document.createElement("script");
    s.src = panelUrl.replace(/[^/]*$/, "accountform.js");
    s.onload = () => window.AdoptionCrm.AccountForm.onLoad({ getFormContext: () => formContext });
    document.head.appendChild(s);
  }
})();
