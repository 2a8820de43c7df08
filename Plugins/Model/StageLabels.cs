namespace AdoptionCrm.Plugins.Model
{
    /// <summary>
    /// The words a person reads for each adoption stage: the labels of the adopt_adoptionstage choice, so the
    /// task, the CLI, simulate's display fields and the panel say "Enterprise-ready" as the account form does.
    /// A test holds this table to the choice's labels in the solution source; the enum names
    /// (EnterpriseReady) stay the machine contract.
    /// </summary>
    public static class StageLabels
    {
        public static string Of(AdoptionStage stage)
        {
            switch (stage)
            {
                case AdoptionStage.Individual: return "Individual";
                case AdoptionStage.Team: return "Team";
                case AdoptionStage.Spreading: return "Spreading";
                case AdoptionStage.EnterpriseReady: return "Enterprise-ready";
                default: return "None";
            }
        }
    }
}
