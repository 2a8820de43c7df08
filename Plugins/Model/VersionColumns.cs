namespace AdoptionCrm.Plugins.Model
{
    /// <summary>The system column every table has: the row's version, which changes with every write (optimistic-concurrency).</summary>
    public static class VersionColumns
    {
        public const string VersionNumber = "versionnumber";
    }
}
