// The Dataverse names the panel depends on, in one place. A unit test holds them to the solution
// source (Solution/src): the global choice adopt_adoptionstage, the account and adopter columns.
// Labels come from the server's formatted values when present, so a relabelled or translated
// stage still shows what the org calls it.

export const ACCOUNT_SET = "account";

/** One row per person per company (the adoption model's Adopter); the panel lists the account's. */
export const ADOPTER_TABLE = "adopt_adopter";
/** Its primary key, returned with every row whatever $select says. */
export const ADOPTER_KEY = "adopt_adopterid";
/** The adopter's account lookup as the Web API filters on it (`_<lookup>_value`, a bare GUID). */
export const ADOPTER_ACCOUNT = "_adopt_accountid_value";

/** Account columns the panel shows; nothing else is requested. */
export const ACCOUNT_COLUMNS = [
  "name",
  "adopt_adoptionscore",
  "adopt_adoptionstage",
  "adopt_adoptercount",
  "adopt_scoreexplanation",
  "adopt_scoredon",
  "adopt_peakstage",
] as const;

/** Adopter columns the list shows (the key is always returned). */
export const ADOPTER_COLUMNS = [
  "adopt_name",
  "adopt_email",
  "adopt_jobtitle",
  "adopt_signups",
  "adopt_firstsignupon",
  "adopt_lastsignupon",
  "adopt_usage",
  "adopt_invitations",
  "adopt_counted",
] as const;

/**
 * Most recent signup first. The key breaks ties so paging is unambiguous: Microsoft's "Order rows"
 * page (Web API, "Ordering and paging") says Dataverse pages consistently only when the order is.
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/order-rows
 */
export const ADOPTER_ORDER = `adopt_lastsignupon desc,${ADOPTER_KEY} asc`;

export interface StageDefinition {
  readonly value: number;
  readonly label: string;
}

/** The step bar, in order: the global choice adopt_adoptionstage without its "None" option. */
export const STAGES: readonly StageDefinition[] = [
  { value: 462010001, label: "Individual" },
  { value: 462010002, label: "Team" },
  { value: 462010003, label: "Spreading" },
  { value: 462010004, label: "Enterprise-ready" },
];

/** adopt_adoptionstage's "None": the account has no stage yet. */
export const STAGE_NONE = 462010000;

export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
