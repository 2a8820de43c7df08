namespace AdoptionCrm.Solution.Model;

/// <summary>One choice value. For status options, <see cref="State"/> is the statecode it belongs to.</summary>
public sealed record OptionDefinition(int Value, string Label, int? State = null);

/// <summary>A global choice (option set) shared by several columns.</summary>
public sealed record OptionSetDefinition(string Name, string DisplayName, IReadOnlyList<OptionDefinition> Options);

/// <summary>An alternate key: unique over its columns.</summary>
public sealed record KeyDefinition(string LogicalName, IReadOnlyList<string> Columns);

/// <summary>A column's metadata, as far as validation, queries, the packer and code generation need it.</summary>
public sealed record ColumnDefinition(string LogicalName, ColumnType Type)
{
    public string SchemaName { get; init; } = LogicalName;
    public string DisplayName { get; init; } = LogicalName;
    public string? Description { get; init; }
    public RequiredLevel RequiredLevel { get; init; } = RequiredLevel.None;

    /// <summary>String and Memo: maximum length in characters.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Numbers: inclusive range. Decimal/Money/Double: digits after the point.</summary>
    public decimal? MinValue { get; init; }
    public decimal? MaxValue { get; init; }
    public int? Precision { get; init; }

    /// <summary>Lookup/Customer/Owner: the tables the column may point at.</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

    /// <summary>Picklist/State/Status bound to a global choice: its name; otherwise null (local options).</summary>
    public string? OptionSetName { get; init; }

    /// <summary>Local options (or the resolved global options) of a Picklist/State/Status column.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = Array.Empty<OptionDefinition>();

    /// <summary>The option of this value; null when the column has none. A loop: every choice read, written or sorted looks here.</summary>
    public OptionDefinition? OptionOf(int value)
    {
        for (var i = 0; i < Options.Count; i++)
            if (Options[i].Value == value) return Options[i];
        return null;
    }

    /// <summary>Value a Create gets when the column is not sent (Boolean, Picklist defaults).</summary>
    public object? DefaultValue { get; init; }

    public bool IsValidForCreate { get; init; } = true;
    public bool IsValidForUpdate { get; init; } = true;

    /// <summary>True for columns our solution adds (packed into customizations.xml); false for platform columns.</summary>
    public bool IsCustom { get; init; }
}

/// <summary>A table's metadata.</summary>
public sealed record TableDefinition(string LogicalName)
{
    public string SchemaName { get; init; } = LogicalName;
    public string DisplayName { get; init; } = LogicalName;
    public string DisplayCollectionName { get; init; } = LogicalName;
    public string EntitySetName { get; init; } = LogicalName + "s";
    public string PrimaryIdAttribute { get; init; } = LogicalName + "id";
    public string PrimaryNameAttribute { get; init; } = "name";
    public OwnershipType Ownership { get; init; } = OwnershipType.UserOwned;
    public int? ObjectTypeCode { get; init; }

    /// <summary>True for tables our solution creates; false for standard tables it only extends.</summary>
    public bool IsCustom { get; init; }

    public IReadOnlyDictionary<string, ColumnDefinition> Columns { get; init; } = new Dictionary<string, ColumnDefinition>();
    public IReadOnlyList<KeyDefinition> Keys { get; init; } = Array.Empty<KeyDefinition>();
}
