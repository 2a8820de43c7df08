namespace AdoptionCrm.Emulator.Query.Model;

/// <summary>Aggregate functions of FetchXML's aggregate attribute.</summary>
public enum AggregateFunction { None, Count, CountColumn, Sum, Avg, Min, Max }

/// <summary>FetchXML dategrouping values the engine groups by.</summary>
public enum DateGrouping { None, Day, Week, Month, Quarter, Year }

/// <summary>A requested column, optionally aliased, aggregated or grouped (FetchXML attribute element).</summary>
public sealed class AttributeSpec
{
    public required string Name { get; init; }
    public string? Alias { get; init; }
    public AggregateFunction Aggregate { get; init; }
    public bool GroupBy { get; init; }
    public DateGrouping DateGrouping { get; init; }
    public bool Distinct { get; init; }
}

/// <summary>A sort on a column (of the table it is declared on) or on an aggregate alias.</summary>
public sealed class OrderSpec
{
    public string? Attribute { get; init; }
    public string? Alias { get; init; }
    public bool Descending { get; init; }
}
