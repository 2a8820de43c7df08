namespace AdoptionCrm.Emulator;

/// <summary>
/// What a Create that carries overriddencreatedon stores. The lead reference documents the column as the date and
/// time the record was migrated, and imports of historical records set createdon through it (R11); which column
/// ends up holding which date is not spelled out, so both readings are offered.
/// </summary>
public enum OverriddenCreatedOnBehavior
{
    /// <summary>createdon takes the given date; overriddencreatedon keeps the moment of the import.</summary>
    SetsCreatedOn,

    /// <summary>createdon is the moment of the import; overriddencreatedon keeps the given date.</summary>
    KeptApart,
}
