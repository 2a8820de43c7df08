namespace AdoptionCrm.Emulator.WebApi;

/// <summary>The kinds of OData literal a $filter can hold (Edm types, as Dataverse's error messages name them).</summary>
public enum LiteralKind { String, Integer, Decimal, Boolean, Null, Guid, DateTimeOffset, Date }

/// <summary>A literal with its parsed value (string, long, decimal, bool, null, Guid, DateTime UTC).</summary>
public sealed record Literal(LiteralKind Kind, object? Value, string Text)
{
    public string EdmName => Kind switch
    {
        LiteralKind.String => "Edm.String",
        LiteralKind.Integer => "Edm.Int32",
        LiteralKind.Decimal => "Edm.Decimal",
        LiteralKind.Boolean => "Edm.Boolean",
        LiteralKind.Null => "<null>",
        LiteralKind.Guid => "Edm.Guid",
        LiteralKind.DateTimeOffset => "Edm.DateTimeOffset",
        _ => "Edm.Date",
    };
}

/// <summary>A parsed $filter: boolean combinations over property-vs-literal comparisons and string functions.</summary>
public abstract record FilterNode;

public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

public sealed record NotNode(FilterNode Inner) : FilterNode;

/// <summary><c>property op literal</c>, op one of eq ne gt ge lt le (a literal on the left is turned around by the parser).</summary>
public sealed record CompareNode(string Property, string Operator, Literal Value) : FilterNode;

/// <summary><c>contains|startswith|endswith(property, 'text')</c>.</summary>
public sealed record StringFunctionNode(string Function, string Property, Literal Argument) : FilterNode;
