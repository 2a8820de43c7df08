namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>One execution of the rebuild: leads read, and where to go on (null when done).</summary>
    public sealed class RebuildResult
    {
        public RebuildResult(int processed, string cookie) { Processed = processed; Cookie = cookie; }
        public int Processed { get; private set; }
        public string Cookie { get; private set; }
    }
}
