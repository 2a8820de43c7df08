namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>Keys of the values our steps pass each other in SharedVariables.</summary>
    public static class SharedVariableNames
    {
        /// <summary>
        /// Lead PreOperation → the lead's PostOperation steps of the same pipeline: the settings the linking
        /// read (SettingsText), so the adoption step need not read them again. Every item of a CreateMultiple
        /// reads the same active settings, so items sharing one collection share one value. If the value does
        /// not reach an asynchronous step (the docs describe SharedVariables within the pipeline, not their
        /// copy to a system job), the step reads the settings itself: either way is correct.
        /// </summary>
        public const string Settings = "AdoptionCrm.Settings";

        /// <summary>Account Delete PreOperation → its PostOperation: the names of the account's domain rows, comma-separated.</summary>
        public const string DeletedAccountDomains = "AdoptionCrm.DeletedAccountDomains";
    }
}
