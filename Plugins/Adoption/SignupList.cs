using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// A person's counted signups at one company, one entry per lead, kept on the adopter row
    /// (adopt_signuplist) so that a change to one lead is applied without reading the person's other leads
    /// (lead has no index on the email: only lookups and alternate keys are indexed). The list grows with the
    /// person's own signups, never with the company. Entries are keyed by lead id, so applying the same change
    /// twice (a retry, a double delivery) changes nothing; they are written sorted by lead id, so the incremental
    /// path and the rebuild write the same text.
    /// Text: entries separated by ';', fields by ',': lead id (32 hex), signup ticks (UTC), usage, invitations,
    /// name, job title (names escaped with Uri.EscapeDataString).
    /// </summary>
    public sealed class SignupList
    {
        private const char EntrySeparator = ';';
        private const char FieldSeparator = ',';
        private readonly SortedDictionary<Guid, SignupEntry> _entries = new SortedDictionary<Guid, SignupEntry>(GuidOrder.Instance);

        public IEnumerable<SignupEntry> Entries => _entries.Values;
        public int Count => _entries.Count;

        /// <summary>The stored list; an entry that does not parse is dropped (the rebuild restores it from its lead).</summary>
        public static SignupList Parse(string text)
        {
            var list = new SignupList();
            if (string.IsNullOrEmpty(text)) return list;
            var c = CultureInfo.InvariantCulture;
            foreach (string entry in text.Split(new[] { EntrySeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] f = entry.Split(FieldSeparator);
                Guid lead;
                long ticks, usage, invitations;
                if (f.Length != 6 || !Guid.TryParseExact(f[0], "N", out lead) || !long.TryParse(f[1], NumberStyles.Integer, c, out ticks)
                    || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
                    || !long.TryParse(f[2], NumberStyles.Integer, c, out usage) || !long.TryParse(f[3], NumberStyles.Integer, c, out invitations))
                    continue;
                list._entries[lead] = new SignupEntry(lead, new DateTime(ticks, DateTimeKind.Utc), usage, invitations,
                    Uri.UnescapeDataString(f[4]), Uri.UnescapeDataString(f[5]));
            }
            return list;
        }

        public void Set(SignupEntry entry) { _entries[entry.LeadId] = entry; }

        public void Remove(Guid leadId) { _entries.Remove(leadId); }

        public SignupList Copy()
        {
            var copy = new SignupList();
            foreach (var e in _entries.Values) copy._entries[e.LeadId] = e;
            return copy;
        }

        public override string ToString()
        {
            var c = CultureInfo.InvariantCulture;
            return string.Join(EntrySeparator.ToString(), _entries.Values.Select(e => string.Join(FieldSeparator.ToString(),
                e.LeadId.ToString("N"), e.SignedUpOnUtc.Ticks.ToString(c), e.Usage.ToString(c), e.Invitations.ToString(c),
                Uri.EscapeDataString(e.Name), Uri.EscapeDataString(e.JobTitle))));
        }
    }
}
