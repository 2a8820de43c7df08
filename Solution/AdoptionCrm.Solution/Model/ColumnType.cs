namespace AdoptionCrm.Solution.Model;

/// <summary>Dataverse attribute types (AttributeTypeCode) that our tables and the standard tables use.</summary>
public enum ColumnType
{
    /// <summary>The primary key column (uniqueidentifier).</summary>
    PrimaryKey,
    String,
    Memo,
    Integer,
    BigInt,
    Decimal,
    Double,
    Money,
    Boolean,
    DateTime,
    Picklist,
    State,
    Status,
    Lookup,
    Customer,
    Owner,
    UniqueIdentifier,
    EntityName,
}

/// <summary>AttributeRequiredLevel. Only SystemRequired is enforced on SDK calls, as in Dataverse.</summary>
public enum RequiredLevel
{
    None,
    SystemRequired,
    ApplicationRequired,
    Recommended,
}

/// <summary>OwnershipTypes of a table.</summary>
public enum OwnershipType
{
    UserOwned,
    OrganizationOwned,
    None,
}
