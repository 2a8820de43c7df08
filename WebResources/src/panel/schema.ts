// The Dataverse names the panel depends on, in one place. A unit test holds them to the solution
// source (Solution/src): the global choice adopt_adoptionstage, the lead and account columns.
// Labels come from the server's formatted values when present, so a relabelled or translated
// stage still shows what the org calls it.

export const ACCOUNT_SET = "account";
export const LEAD_TABLE = "lead";

/** Account columns the panel shows; nothing else is requested. */
export const ACCOUNT_COLUMNS = [
  "name",
  "adopt_adoptionscore",
  "adopt_adoptionstage",
  "adopt_adoptercount",
  "adopt_scoreexplanation",
] as const;

/** Lead columns the adopter list shows (leadid, the key, is always returned). */
export const ADOPTER_COLUMNS = [
  "fullname",
  "emailaddress1",
  "jobtitle",
  "createdon",
  "adopt_usage",
  "adopt_matchmethod",
  "adopt_matchexplanation",
] as const;

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
