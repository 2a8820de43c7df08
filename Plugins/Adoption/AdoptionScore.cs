namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>The 0-100 adoption score and the sentence that explains it (stored with it on the account).</summary>
    public sealed class AdoptionScore
    {
        public AdoptionScore(int value, string explanation) { Value = value; Explanation = explanation; }
        public int Value { get; private set; }
        public string Explanation { get; private set; }
    }
}
