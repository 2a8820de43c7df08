namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>What adopt_Rebuild recomputes (its Scope parameter).</summary>
    public static class RebuildScope
    {
        public const string Account = "account";
        public const string Company = "company";
        public const string Organization = "organization";
        /// <summary>The daily recompute: decay and window expiry as of now, from the stored buckets (DailyRecompute).</summary>
        public const string Daily = "daily";
    }
}
