using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>
    /// The one codec for what passes between the engine's steps. Every hand-over is a column value of the
    /// request that starts the next step (adopt_pendingchange on adopt_company or account) or a
    /// SharedVariables value between PreOperation and PostOperation of one pipeline, both documented
    /// mechanisms (learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context#shared-variables).
    /// Flat text: "key=value" pairs joined by '&amp;', '%', '&amp;' and '=' in values escaped (SeparatorEscape); the settings
    /// are nested as one escaped value in SettingsText's own form. Unknown keys are ignored, a malformed
    /// value makes the whole text unreadable (null), which the steps treat as "nothing to do" and trace.
    /// </summary>
    public static class HandoverText
    {
        private const char PairSeparator = '&';
        private const char Equal = '=';
        private const string KindKey = "kind", DomainKey = "domain", EmailKey = "email", LeadKey = "lead", EntryKey = "entry",
            AccountKey = "account", SettingsKey = "settings", AtKey = "at", DeltaKey = "delta",
            AdopterOpKey = "adopterop", AdopterIdKey = "adopterid",
            AccountVersionKey = "accountversion", AccountRequestKey = "accountrequest", UncountDaysKey = "uncountdays";
        private const char DaySeparator = ',';
        // A plan's rows are flat pairs under these prefixes ("adopter.adopt_name=s:Ann"), not nested texts: every value
        // is escaped once, and the whole plan is read with one pass.
        private const string AdopterColumnPrefix = "adopter.", AccountColumnPrefix = "accountrow.";
        private const string PersonKind = "person", RebuildKind = "rebuild", RecomputeKind = "recompute", AccountDeltaKind = "delta", PlanKind = "signupplan";
        // The plan's kind before its rows were flat pairs: still recognised as a plan, never read as one (ReadPending).
        private const string NestedPlanKind = "plan";

        public static string Write(CompanyRequest r)
        {
            var pairs = new List<KeyValuePair<string, string>>
            {
                Pair(KindKey, r.Kind == CompanyRequestKind.Rebuild ? RebuildKind : r.Kind == CompanyRequestKind.Recompute ? RecomputeKind : PersonKind),
                Pair(DomainKey, r.Domain),
                Pair(EmailKey, r.Email),
                Pair(LeadKey, r.LeadId == Guid.Empty ? null : r.LeadId.ToString("N")),
                Pair(EntryKey, r.Entry == null ? null : EntryText(r.Entry)),
                Pair(AccountKey, r.LinkedAccountId.HasValue ? r.LinkedAccountId.Value.ToString("N") : null),
                Pair(SettingsKey, r.Settings == null ? null : SettingsText.Write(r.Settings)),
                Pair(AtKey, r.RequestedOnUtc.Ticks.ToString(CultureInfo.InvariantCulture)),
            };
            return Join(pairs);
        }

        private static CompanyRequest ReadCompany(PairText map)
        {
            if (map == null) return null;
            string kind = map.Get(KindKey);
            if (kind != RebuildKind && kind != RecomputeKind && kind != PersonKind) return null;
            var r = new CompanyRequest { Kind = kind == RebuildKind ? CompanyRequestKind.Rebuild : kind == RecomputeKind ? CompanyRequestKind.Recompute : CompanyRequestKind.Person };
            r.Domain = map.Get(DomainKey);
            r.Email = map.Get(EmailKey);
            Guid id;
            string lead = map.Get(LeadKey);
            if (lead != null) { if (!Guid.TryParseExact(lead, "N", out id)) return null; r.LeadId = id; }
            string entry = map.Get(EntryKey);
            if (entry != null)
            {
                var list = SignupList.Parse(entry);
                if (list.Count != 1) return null;
                r.Entry = list.Entries.First();
            }
            string account = map.Get(AccountKey);
            if (account != null) { if (!Guid.TryParseExact(account, "N", out id)) return null; r.LinkedAccountId = id; }
            string settings = map.Get(SettingsKey);
            if (settings != null) { r.Settings = SettingsText.Read(settings); if (r.Settings == null) return null; }
            r.RequestedOnUtc = At(map);
            if (r.Kind == CompanyRequestKind.Person && (string.IsNullOrEmpty(r.Email) || r.LeadId == Guid.Empty)) return null;
            return r;
        }

        public static string Write(AccountRequest r)
        {
            return Join(new List<KeyValuePair<string, string>>
            {
                Pair(KindKey, r.Rebuild ? RebuildKind : AccountDeltaKind),
                Pair(DeltaKey, r.Delta == null ? null : r.Delta.ToString()),
                Pair(SettingsKey, r.Settings == null ? null : SettingsText.Write(r.Settings)),
                Pair(AtKey, r.RequestedOnUtc.Ticks.ToString(CultureInfo.InvariantCulture)),
            });
        }

        public static AccountRequest ReadAccount(string text)
        {
            var map = Split(text);
            if (map == null) return null;
            string kind = map.Get(KindKey);
            if (kind != RebuildKind && kind != AccountDeltaKind) return null;
            var r = new AccountRequest { Rebuild = kind == RebuildKind, Delta = DayBuckets.Parse(map.Get(DeltaKey)), RequestedOnUtc = At(map) };
            string settings = map.Get(SettingsKey);
            if (settings != null) { r.Settings = SettingsText.Read(settings); if (r.Settings == null) return null; }
            return r;
        }

        /// <summary>
        /// A signup's planned writes (SignupPlan) for the company's step to send inside the company's conditional Update:
        /// the adopter's one write and the account's change (its new columns with the RowVersion they were computed
        /// against, or the delta for its lock). The company's own columns travel in the Update itself.
        /// </summary>
        public static string Write(SignupPlan plan)
        {
            // Written straight into one builder (no pair lists, no "prefix.column" strings): a plan is written on every signup.
            var text = new StringBuilder(1024);
            Append(text, KindKey, PlanKind);
            if (plan.Adopter.Kind != AdopterWriteKind.None)
            {
                Append(text, AdopterOpKey, ((int)plan.Adopter.Kind).ToString(CultureInfo.InvariantCulture));
                Append(text, AdopterIdKey, plan.Adopter.Row.Id.ToString("N"));
                EntityText.Append(text, AdopterColumnPrefix, plan.Adopter.Row, PairSeparator, Equal);
            }
            if (plan.AccountId.HasValue) Append(text, AccountKey, plan.AccountId.Value.ToString("N"));
            if (plan.AccountUpdate != null)
            {
                EntityText.Append(text, AccountColumnPrefix, plan.AccountUpdate, PairSeparator, Equal);
                Append(text, AccountVersionKey, plan.AccountUpdate.RowVersion ?? "");
            }
            else if (plan.AccountRequest != null) Append(text, AccountRequestKey, Write(plan.AccountRequest));
            if (plan.UncountDays.Count > 0)
                Append(text, UncountDaysKey, string.Join(DaySeparator.ToString(), plan.UncountDays.Select(day => day.Ticks.ToString(CultureInfo.InvariantCulture))));
            return text.ToString();
        }

        /// <summary>
        /// A company's pending text read with one pass: a plan, a damaged plan (of this format or the nested one written before it:
        /// its Update must fail, never pass as "nothing to do" after the company was written), or a company request.
        /// </summary>
        public static PendingChange ReadPending(string text)
        {
            var map = Split(text);
            var kind = map == null ? null : map.Get(KindKey);
            if (kind == PlanKind || kind == NestedPlanKind)
            {
                var plan = kind == PlanKind ? ReadPlan(map) : null;
                return plan == null ? PendingChange.UnreadablePlan : new PendingChange(plan, null, false);
            }
            return new PendingChange(null, ReadCompany(map), false);
        }

        // The plan a company Update carries, or null when the text is not a plan of this format or is damaged (CompanyUpdate is null: it is the Update).
        private static SignupPlan ReadPlan(PairText map)
        {
            Guid id;
            AdopterWrite adopter = AdopterWrite.None;
            string adopterOp = map.Get(AdopterOpKey);
            if (adopterOp != null)
            {
                int op;
                if (!int.TryParse(adopterOp, NumberStyles.Integer, CultureInfo.InvariantCulture, out op) || op < 1 || op > 3) return null;
                if (!Guid.TryParseExact(map.Get(AdopterIdKey) ?? "", "N", out id)) return null;
                var row = EntityText.Read(AdopterColumns.EntityName, id, map.After(AdopterColumnPrefix));
                if (row == null) return null;
                adopter = new AdopterWrite((AdopterWriteKind)op, row);
            }
            Guid? accountId = null;
            string account = map.Get(AccountKey);
            if (account != null) { if (!Guid.TryParseExact(account, "N", out id)) return null; accountId = id; }
            Entity accountUpdate = null;
            AccountRequest accountRequest = null;
            // Read before the checks below (a row with an unreadable value is refused whatever else the plan holds); its id is set once known.
            var accountColumns = EntityText.Read(AccountColumns.EntityName, Guid.Empty, map.After(AccountColumnPrefix));
            if (accountColumns == null) return null;
            string accountVersion = map.Get(AccountVersionKey);
            string accountRequestText = accountVersion == null ? map.Get(AccountRequestKey) : null;
            if (accountVersion != null)
            {
                // An account's planned change always has columns (its scored-on date at least).
                if (accountId == null || accountVersion.Length == 0 || accountColumns.Attributes.Count == 0) return null;
                accountUpdate = accountColumns;
                accountUpdate.Id = accountId.Value;
                accountUpdate.RowVersion = accountVersion;
            }
            else if (accountColumns.Attributes.Count > 0) return null;   // account columns without the version they were computed against
            else if (accountRequestText != null)
            {
                accountRequest = ReadAccount(accountRequestText);
                if (accountId == null || accountRequest == null) return null;
            }
            var uncountDays = new List<DateTime>();
            string uncount = map.Get(UncountDaysKey);
            if (uncount != null)
                foreach (var ticks in uncount.Split(DaySeparator))
                {
                    DateTime day;
                    if (!TryUtcTicks(ticks, out day)) return null;
                    uncountDays.Add(day);
                }
            return new SignupPlan(null, adopter, accountId, accountUpdate, accountRequest, uncountDays);
        }

        private static string EntryText(SignupEntry entry)
        {
            var list = new SignupList();
            list.Set(entry);
            return list.ToString();
        }

        private static DateTime At(PairText map)
        {
            DateTime at;
            return TryUtcTicks(map.Get(AtKey), out at) ? at : default(DateTime);
        }

        // A UTC time written as its ticks; false when the text is not such a number.
        private static bool TryUtcTicks(string text, out DateTime utc)
        {
            long ticks;
            bool ok = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ticks) && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;
            utc = ok ? new DateTime(ticks, DateTimeKind.Utc) : default(DateTime);
            return ok;
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);

        private static string Join(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            // Sized for a plan (about a kilobyte): a builder that doubles from 16 characters copies it six times.
            var text = new StringBuilder(1024);
            foreach (var pair in pairs) Append(text, pair.Key, pair.Value);
            return text.ToString();
        }

        // One "key=value" pair after the ones already written; a null value is left out (read back as absent).
        private static void Append(StringBuilder text, string key, string value)
        {
            if (value == null) return;
            if (text.Length > 0) text.Append(PairSeparator);
            text.Append(key).Append(Equal).Append(SeparatorEscape.Escape(value, PairSeparator, Equal));
        }

        private static PairText Split(string text) => PairText.Read(text, PairSeparator, Equal);
    }
}
