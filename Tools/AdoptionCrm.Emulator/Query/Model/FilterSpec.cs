using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query.Model;

/// <summary>An and/or group of conditions and nested groups.</summary>
public sealed class FilterSpec
{
    public LogicalOperator Operator { get; set; } = LogicalOperator.And;
    public List<ConditionSpec> Conditions { get; } = new();
    public List<FilterSpec> Filters { get; } = new();

    public bool IsEmpty => Conditions.Count == 0 && Filters.All(f => f.IsEmpty);
}

/// <summary>
/// One condition. Values are as the caller gave them (SDK types, raw CLR values, or FetchXML
/// strings); the binder coerces them to the column's type.
/// </summary>
public sealed class ConditionSpec
{
    /// <summary>Alias of a linked table the condition applies to (ConditionExpression.EntityName, fetch entityname).</summary>
    public string? EntityAlias { get; init; }
    public required string Attribute { get; init; }
    public ConditionOperator Operator { get; init; }

    /// <summary>FetchXML operator name as written, so an unsupported one is reported as the caller spelled it.</summary>
    public string? OperatorName { get; init; }
    public List<object?> Values { get; } = new();

    /// <summary>FetchXML valueof: compare against another column of the same row (alias.column or column).</summary>
    public string? ValueOf { get; init; }
}
