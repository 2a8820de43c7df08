namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>Keys of the values our steps pass each other in SharedVariables.</summary>
    public static class SharedVariableNames
    {
        /// <summary>
        /// Lead PreOperation → PostOperation: the <see cref="SignupTag"/> of the match. Keyed by the normalised
        /// email because the single-message steps of a CreateMultiple may share one collection: items of the
        /// same person carry the same value, items of different people never meet.
        /// </summary>
        public static string Signup(string normalizedEmail) => "adopt_signup:" + (normalizedEmail ?? "");
    }
}
