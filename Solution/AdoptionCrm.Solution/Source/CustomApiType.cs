namespace AdoptionCrm.Solution.Source;

/// <summary>
/// The type of a Custom API request parameter or response property (the <c>type</c> column), values as
/// documented in PAD:customapirequestparameter-table-columns and customapiresponseproperty-table-columns.
/// </summary>
public enum CustomApiType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Entity = 3,
    EntityCollection = 4,
    EntityReference = 5,
    Float = 6,
    Integer = 7,
    Money = 8,
    Picklist = 9,
    String = 10,
    StringArray = 11,
    Guid = 12,
}
