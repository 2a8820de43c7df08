using System;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Where an install backfill stands, as the text kept in adopt_backfillrun.adopt_cookie: the phase and the
    /// position inside it ("phase:position"). Phases run in order: websites (after an account id), contacts
    /// (after a contact id; only when the run learns domains from contacts), leads (after a lead id), rebuild
    /// (adopt_Rebuild's own cookie), claims (after a company domain: each company follows its domain's winning
    /// claim), count (the table being counted and the last id), then done (no cookie).
    /// </summary>
    public sealed class BackfillCursor
    {
        public const string Websites = "websites", Contacts = "contacts", Leads = "leads", Rebuild = "rebuild", Claims = "claims", Count = "count";

        public BackfillCursor(string phase, string position)
        {
            Phase = phase;
            Position = position ?? "";
        }

        public string Phase { get; }

        /// <summary>The position inside the phase; "" at its start.</summary>
        public string Position { get; }

        public static BackfillCursor Start => new BackfillCursor(Websites, "");

        /// <summary>The cursor in a run's cookie: null or empty = the start; an unknown phase is refused by name.</summary>
        public static BackfillCursor Parse(string cookie)
        {
            if (string.IsNullOrEmpty(cookie)) return Start;
            int colon = cookie.IndexOf(':');
            string phase = colon < 0 ? cookie : cookie.Substring(0, colon);
            if (phase != Websites && phase != Contacts && phase != Leads && phase != Rebuild && phase != Claims && phase != Count)
                throw new FormatException("The backfill run's continuation has an unknown phase '" + phase + "'; clear it to start over.");
            return new BackfillCursor(phase, colon < 0 ? "" : cookie.Substring(colon + 1));
        }

        /// <summary>The position as the id of the last row done (Guid.Empty at the start of the phase).</summary>
        public Guid AfterId
        {
            get
            {
                Guid id;
                return Guid.TryParse(Position, out id) ? id : Guid.Empty;
            }
        }

        public override string ToString() => Phase + ":" + Position;
    }
}
