using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// What one step hands the next, as text (shared variables and a request's "tag" carry strings):
    /// - lead PreOperation → lead PostOperation (SharedVariables of the same pipeline): the settings, the
    ///   matched account and its owner's state, read by the claims query;
    /// - lead PostOperation → account PostOperation (the "tag" of the account Update): the same plus the
    ///   signup change to apply. The account step then needs no read of settings or account, and an arrival
    ///   none of leads either (the account's ledger knows who counted).
    /// A tag of the earlier form (with "earlier" fields) still reads; those fields are ignored.
    /// </summary>
    public sealed class SignupTag
    {
        /// <summary>First field of the text: tells our tag from anyone else's.</summary>
        public const string Marker = "adopt.signup.1";
        private const char Separator = '&';
        private const char Equal = '=';

        public SignupChange Change { get; set; }
        public Guid? MatchedAccountId { get; set; }

        public Guid? OwnerId { get; set; }
        public bool? OwnerIsDisabled { get; set; }
        public AdoptionSettings Settings { get; set; }

        public string Write()
        {
            var pairs = new List<string> { Marker };
            Add(pairs, "settings", Settings == null ? null : SettingsText.Write(Settings));
            Add(pairs, "matched", GuidText(MatchedAccountId));
            Add(pairs, "owner", GuidText(OwnerId));
            Add(pairs, "ownerdisabled", OwnerIsDisabled.HasValue ? (OwnerIsDisabled.Value ? "1" : "0") : null);
            if (Change != null)
            {
                Add(pairs, "account", Change.AccountId.ToString());
                Add(pairs, "lead", Change.LeadId.ToString());
                Add(pairs, "email", Change.NormalizedEmail);
                Add(pairs, "on", DateText(Change.SignupOnUtc));
                Add(pairs, "usage", Change.Usage.ToString(CultureInfo.InvariantCulture));
                Add(pairs, "invitations", Change.Invitations.ToString(CultureInfo.InvariantCulture));
                Add(pairs, "adding", Change.Adding ? "1" : "0");
            }
            return string.Join(Separator.ToString(), pairs);
        }

        /// <summary>The tag written by <see cref="Write"/>; null for anything else (another caller's tag, a damaged one).</summary>
        public static SignupTag Read(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            string[] parts = text.Split(Separator);
            if (parts[0] != Marker) return null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string part in parts.Skip(1))
            {
                int eq = part.IndexOf(Equal);
                if (eq <= 0) return null;
                values[part.Substring(0, eq)] = Uri.UnescapeDataString(part.Substring(eq + 1));
            }
            var tag = new SignupTag
            {
                Settings = values.ContainsKey("settings") ? SettingsText.Read(values["settings"]) : null,
                MatchedAccountId = ParseGuid(values, "matched"),
                OwnerId = ParseGuid(values, "owner"),
                OwnerIsDisabled = Value(values, "ownerdisabled") == null ? (bool?)null : Value(values, "ownerdisabled") == "1",
            };
            if (values.ContainsKey("settings") && tag.Settings == null) return null;
            Guid? account = ParseGuid(values, "account"), lead = ParseGuid(values, "lead");
            DateTime? on = ParseDate(values, "on");
            if (account.HasValue && lead.HasValue && on.HasValue)
            {
                long usage, invitations;
                long.TryParse(Value(values, "usage"), NumberStyles.Integer, CultureInfo.InvariantCulture, out usage);
                long.TryParse(Value(values, "invitations"), NumberStyles.Integer, CultureInfo.InvariantCulture, out invitations);
                tag.Change = new SignupChange(account.Value, lead.Value, Value(values, "email"), on.Value, usage, invitations, Value(values, "adding") == "1");
            }
            return tag;
        }

        private static void Add(List<string> pairs, string key, string value)
        {
            if (value != null) pairs.Add(key + Equal + Uri.EscapeDataString(value));
        }

        private static string GuidText(Guid? id) => id.HasValue ? id.Value.ToString() : null;
        private static string DateText(DateTime? on) => on.HasValue ? DateTime.SpecifyKind(on.Value, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture) : null;
        private static string Value(Dictionary<string, string> values, string key) => values.TryGetValue(key, out var v) ? v : null;

        private static Guid? ParseGuid(Dictionary<string, string> values, string key)
        {
            Guid id;
            return Guid.TryParse(Value(values, key), out id) ? id : (Guid?)null;
        }

        private static DateTime? ParseDate(Dictionary<string, string> values, string key)
        {
            DateTime on;
            return DateTime.TryParse(Value(values, key), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out on) ? on : (DateTime?)null;
        }
    }
}
