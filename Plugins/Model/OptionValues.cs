namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_adoptionstage (global choice). Ordered: a higher value is a later stage.</summary>
    public enum AdoptionStage
    {
        None = 462010000,
        Individual = 462010001,
        Team = 462010002,
        Spreading = 462010003,
        EnterpriseReady = 462010004,
    }

    /// <summary>adopt_matchoutcome (global choice).</summary>
    public enum MatchOutcome
    {
        Linked = 462010000,
        AccountCreated = 462010001,
        ExcludedFreeMail = 462010002,
        ExcludedDisposable = 462010003,
        ExcludedOwn = 462010004,
        ExcludedRule = 462010005,
        ExcludedRole = 462010006,
        Unmatched = 462010007,
        InvalidEmail = 462010008,
        NoEmail = 462010009,
    }

    /// <summary>adopt_matchmethod (global choice).</summary>
    public enum MatchMethod
    {
        DomainTable = 462010000,
        Website = 462010001,
        AutoCreated = 462010002,
        None = 462010003,
        /// <summary>Set by the caller or moved by hand: the engine never overwrites it.</summary>
        Manual = 462010004,
    }

    /// <summary>adopt_domainsource (global choice).</summary>
    public enum DomainSource
    {
        Manual = 462010000,
        Website = 462010001,
        AutoCreated = 462010002,
        Learned = 462010003,
        Import = 462010004,
    }

    /// <summary>adopt_ruletype (global choice).</summary>
    public enum RuleType
    {
        Exclude = 462010000,
        Allow = 462010001,
    }

    /// <summary>adopt_backfillstate (global choice): where an install backfill run (adopt_backfillrun) stands.</summary>
    public enum BackfillState
    {
        Queued = 462010000,
        Running = 462010001,
        Completed = 462010002,
        Failed = 462010003,
    }

    /// <summary>task.prioritycode.</summary>
    public enum TaskPriority
    {
        Low = 0,
        Normal = 1,
        High = 2,
    }
}
