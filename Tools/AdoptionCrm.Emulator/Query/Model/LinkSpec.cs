using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query.Model;

/// <summary>A join to a related table. ParentAttribute is on the parent, LinkedAttribute on <see cref="EntityName"/>.</summary>
public sealed class LinkSpec
{
    public required string EntityName { get; init; }
    public required string ParentAttribute { get; init; }
    public required string LinkedAttribute { get; init; }
    public JoinOperator Join { get; init; } = JoinOperator.Inner;

    /// <summary>The alias given by the query, or null for the platform's generated one.</summary>
    public string? Alias { get; set; }
    public bool AllColumns { get; set; }
    public List<AttributeSpec> Attributes { get; } = new();
    public FilterSpec Filter { get; set; } = new();
    public List<LinkSpec> Links { get; } = new();
    public List<OrderSpec> Orders { get; } = new();
}
