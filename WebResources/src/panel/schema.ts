// The Dataverse names the panel depends on, in one place, so a renamed column is one edit and
// the unit tests pin them. Values of the global choice adopt_adoptionstage follow the publisher's
// option-value prefix (10000 → 100000000…); labels come from the server's formatted values when
// present, so a relabelled stage still shows what the org calls it.

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

/** The step bar, in order: the global choice adopt_adoptionstage. */
export const STAGES: readonly StageDefinition[] = [
  { value: 100000000, label: "Individual" },
  { value: 100000001, label: "Team" },
  { value: 100000002, label: "Spreading" },
  { value: 100000003, label: "Enterprise-ready" },
];

export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
