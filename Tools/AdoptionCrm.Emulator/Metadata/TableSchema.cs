using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// A table's metadata compiled for storage: every non-key column gets an ordinal so a stored row is
/// one object?[] rather than a dictionary (1,000,000 leads must fit in 2 GB).
/// </summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);

    public TableSchema(TableDefinition definition)
    {
        Definition = definition;
        Columns = definition.Columns.Values.Where(c => c.Type != ColumnType.PrimaryKey).ToArray();
        for (var i = 0; i < Columns.Count; i++) _ordinals[Columns[i].LogicalName] = i;
        LookupOrdinals = Columns.Select((c, i) => (c, i)).Where(x => IsReference(x.c.Type)).Select(x => x.i).ToArray();
        StateColumn = definition.Columns.Values.FirstOrDefault(c => c.Type == ColumnType.State);
        StatusColumn = definition.Columns.Values.FirstOrDefault(c => c.Type == ColumnType.Status);
    }

    public TableDefinition Definition { get; }
    public string LogicalName => Definition.LogicalName;
    public string PrimaryIdAttribute => Definition.PrimaryIdAttribute;
    public IReadOnlyList<ColumnDefinition> Columns { get; }
    public IReadOnlyList<int> LookupOrdinals { get; }
    public ColumnDefinition? StateColumn { get; }
    public ColumnDefinition? StatusColumn { get; }
    public IReadOnlyList<KeyDefinition> Keys => Definition.Keys;

    public bool TryGetOrdinal(string column, out int ordinal) => _ordinals.TryGetValue(column, out ordinal);
    public int OrdinalOf(string column) => _ordinals[column];
    public bool HasColumn(string column) => _ordinals.ContainsKey(column);

    public static bool IsReference(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;
}
