using System.Text.RegularExpressions;
using AdoptionCrm.Emulator.Query.Model;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// A query checked against metadata: every table has a slot in the joined row (slot 0 is the root),
/// every column is resolved, every condition value is coerced once instead of once per row.
/// </summary>
public sealed class BoundQuery
{
    public required QuerySpec Spec { get; init; }
    public required BoundTable Root { get; init; }
    public List<BoundTable> Tables { get; } = new();
    public List<BoundLink> Links { get; } = new();
    public BoundFilter Filter { get; set; } = new();
    public List<BoundColumn> Columns { get; } = new();
    public List<BoundOrder> Orders { get; } = new();

    /// <summary>The columns each slot reads (<see cref="ColumnNeeds"/>); null entries return all columns.</summary>
    public IReadOnlyCollection<string>?[] Needs { get; set; } = Array.Empty<IReadOnlyCollection<string>?>();

    public IReadOnlyCollection<string>? NeedsOf(int slot) => slot < Needs.Length ? Needs[slot] : null;
}

/// <summary>A table instance in the query, addressed by its alias.</summary>
public sealed record BoundTable(int Slot, string Alias, TableDefinition Table, bool AllColumns, bool IsRoot);

public sealed class BoundLink
{
    public required LinkSpec Spec { get; init; }
    public required BoundTable Target { get; init; }
    public required int ParentSlot { get; init; }
    public required ColumnDefinition ParentColumn { get; init; }
    public required ColumnDefinition LinkedColumn { get; init; }
    public BoundFilter Filter { get; set; } = new();
    public List<BoundLink> Children { get; } = new();
}

public sealed class BoundFilter
{
    public LogicalOperator Operator { get; init; } = LogicalOperator.And;
    public List<BoundCondition> Conditions { get; } = new();
    public List<BoundFilter> Filters { get; } = new();
}

public sealed class BoundCondition
{
    public required int Slot { get; init; }
    public required ColumnDefinition Column { get; init; }
    public required ConditionOperator Operator { get; init; }
    public object?[] Values { get; init; } = Array.Empty<object?>();
    public Regex? Pattern { get; init; }

    /// <summary>valueof: the other column's slot and definition.</summary>
    public int? OtherSlot { get; init; }
    public ColumnDefinition? OtherColumn { get; init; }
}

/// <summary>A column to return: from which slot, under which result key.</summary>
public sealed record BoundColumn(int Slot, string TableName, ColumnDefinition Column, string ResultKey, AttributeSpec Spec);

/// <summary>A sort key: a column of a slot, or an aggregate alias.</summary>
public sealed record BoundOrder(int Slot, ColumnDefinition? Column, string? Alias, bool Descending);
