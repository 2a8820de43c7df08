// Reads through Xrm.WebApi only (the user's own privileges), asking for exactly the columns shown.
import { ACCOUNT_COLUMNS, ADOPTER_ACCOUNT, ADOPTER_COLUMNS, ADOPTER_ORDER, ADOPTER_TABLE, ACCOUNT_SET } from "./schema";
import { normaliseId, toAccount, toAdopter, type AccountSummary, type Adopter } from "./shape";

/** The part of Xrm.WebApi the panel uses (so tests and the host page can supply their own). */
export interface WebApi {
  retrieveRecord(entityLogicalName: string, id: string, options?: string): PromiseLike<Record<string, unknown>>;
  retrieveMultipleRecords(
    entityLogicalName: string,
    options?: string,
    maxPageSize?: number,
  ): PromiseLike<{ entities: Record<string, unknown>[]; nextLink?: string }>;
}

/** Dataverse's default and largest page: one request for an account of up to 5,000 adopters. */
export const PAGE_SIZE = 5000;
/** Beyond this the panel stops paging and says so; a form tab is not a reporting tool. */
export const MAX_ADOPTERS = 50_000;

export function accountOptions(): string {
  return `?$select=${ACCOUNT_COLUMNS.join(",")}`;
}

export function adopterOptions(accountId: string): string {
  const id = normaliseId(accountId);
  // Lookup filters take the bare GUID, no quotes.
  return `?$select=${ADOPTER_COLUMNS.join(",")}&$filter=${ADOPTER_ACCOUNT} eq ${id}&$orderby=${ADOPTER_ORDER}`;
}

/** Xrm.WebApi takes the next page as the query part of @odata.nextLink. */
export function nextOptions(nextLink: string): string {
  const q = nextLink.indexOf("?");
  return q >= 0 ? nextLink.slice(q) : nextLink;
}

export async function loadAccount(api: WebApi, accountId: string): Promise<AccountSummary> {
  const id = normaliseId(accountId);
  const row = await api.retrieveRecord(ACCOUNT_SET, id, accountOptions());
  return toAccount(id, row);
}

export interface PageEvent {
  /** Every adopter read so far, most recent signup first. */
  adopters: Adopter[];
  done: boolean;
  truncated: boolean;
  /** performance.now() when this page's data arrived (the render timing starts here). */
  arrivedAt: number;
}

/** Reads every page (until MAX_ADOPTERS), reporting after each so the list can show early. */
export async function loadAdopters(
  api: WebApi,
  accountId: string,
  onPage: (e: PageEvent) => void,
  isCurrent: () => boolean = () => true,
  max = MAX_ADOPTERS,
): Promise<void> {
  const adopters: Adopter[] = [];
  let options = adopterOptions(accountId);
  for (;;) {
    const page = await api.retrieveMultipleRecords(ADOPTER_TABLE, options, PAGE_SIZE);
    const arrivedAt = performance.now();
    if (!isCurrent()) return;
    for (const row of page.entities) adopters.push(toAdopter(row));
    const truncated = !!page.nextLink && adopters.length >= max;
    const done = !page.nextLink || truncated;
    onPage({ adopters, done, truncated, arrivedAt });
    if (done) return;
    options = nextOptions(page.nextLink!);
  }
}
