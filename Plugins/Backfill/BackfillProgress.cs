using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>What one batch added to a run's counters (adopt_backfillrun columns), and where the next starts (null = done).</summary>
    public sealed class BackfillProgress
    {
        private readonly Dictionary<string, int> _added = new Dictionary<string, int>();

        public BackfillCursor Next { get; set; }

        public IReadOnlyDictionary<string, int> Added => _added;

        public void Add(string counter, int amount = 1)
        {
            if (amount == 0) return;
            int value;
            _added.TryGetValue(counter, out value);
            _added[counter] = value + amount;
        }

        public int AddedTo(string counter)
        {
            int value;
            return _added.TryGetValue(counter, out value) ? value : 0;
        }

        /// <summary>The phase in words, for the form and the CLI.</summary>
        public static string Describe(BackfillCursor cursor)
        {
            if (cursor == null) return "Done";
            switch (cursor.Phase)
            {
                case BackfillCursor.Websites: return "Domain rows from account websites";
                case BackfillCursor.Contacts: return "Domain rows from contacts' email domains";
                case BackfillCursor.Leads: return "Linking existing leads";
                case BackfillCursor.Rebuild: return "Building adopters, companies and scores";
                case BackfillCursor.Claims: return "Companies following their domains' accounts";
                default: return "Counting adopters, companies and scored accounts";
            }
        }
    }
}
