using System.Globalization;
using System.Text.Json;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Writes one row as a Dataverse Web API JSON object: @odata.etag (W/"versionnumber"), each asked
/// property (null when empty, as Dataverse does), lookups as <c>_x_value</c> with their
/// lookuplogicalname / associatednavigationproperty annotations, and formatted values when the
/// Prefer header asked for them. Annotations come before the property they annotate.
/// </summary>
public sealed class EntityJsonWriter
{
    public const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string NavigationProperty = "@Microsoft.Dynamics.CRM.associatednavigationproperty";

    private readonly TableDefinition _table;
    private readonly IReadOnlyList<ColumnDefinition> _columns;
    private readonly PreferHeader _prefer;

    /// <param name="columns">The columns to write (the $select, or every column); the primary key is always written.</param>
    public EntityJsonWriter(TableDefinition table, IReadOnlyList<ColumnDefinition>? columns, PreferHeader prefer)
    {
        _table = table;
        var list = (columns ?? table.Columns.Values.OrderBy(c => c.LogicalName, StringComparer.Ordinal).ToList()).ToList();
        if (!list.Any(c => c.LogicalName == table.PrimaryIdAttribute) && table.Columns.TryGetValue(table.PrimaryIdAttribute, out var key)) list.Add(key);
        _columns = list;
        _prefer = prefer;
    }

    public void Write(Utf8JsonWriter json, Entity entity)
    {
        json.WriteStartObject();
        WriteProperties(json, entity);
        json.WriteEndObject();
    }

    /// <summary>The row's properties into an object the caller opened (a single-row response adds @odata.context first).</summary>
    public void WriteProperties(Utf8JsonWriter json, Entity entity)
    {
        if (Etag(entity) is { } etag) json.WriteString("@odata.etag", etag);
        foreach (var column in _columns)
        {
            var value = column.LogicalName == _table.PrimaryIdAttribute
                ? (entity.Id != Guid.Empty ? entity.Id : entity.GetAttributeValue<object>(column.LogicalName))
                : entity.Contains(column.LogicalName) ? entity[column.LogicalName] : null;
            entity.FormattedValues.TryGetValue(column.LogicalName, out var engineText);
            WriteProperty(json, EntitySetMap.PropertyName(column), column, value, engineText, _table, _prefer);
        }
    }

    /// <summary>W/"&lt;versionnumber&gt;" from the row version the service returned (or the versionnumber column).</summary>
    public static string? Etag(Entity entity)
    {
        var version = entity.RowVersion;
        if (string.IsNullOrEmpty(version) && entity.Contains("versionnumber") && entity["versionnumber"] is { } number)
            version = Convert.ToString(number, CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(version) ? null : $"W/\"{version}\"";
    }

    public static void WriteProperty(Utf8JsonWriter json, string name, ColumnDefinition? column, object? value, string? engineText, TableDefinition? table, PreferHeader prefer)
    {
        if (value is AliasedValue aliased) value = aliased.Value;
        if (value is not null && prefer.WantsFormattedValues && FormattedValueText.For(value, column, engineText) is { } text)
            json.WriteString(name + FormattedValue, text);
        if (value is EntityReference reference)
        {
            if (prefer.WantsNavigationProperty && column is not null && table is not null)
                json.WriteString(name + NavigationProperty, EntitySetMap.NavigationProperty(table, column, reference.LogicalName));
            if (prefer.WantsLookupLogicalName) json.WriteString(name + LookupLogicalName, reference.LogicalName);
        }
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case AliasedValue aliased: WriteValue(json, aliased.Value); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d: json.WriteNumberValue(d); break;
            case float f: json.WriteNumberValue(f); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case DateTime dt: json.WriteStringValue(FormattedValueText.ToUtc(dt).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
            case OptionSetValue option: json.WriteNumberValue(option.Value); break;
            case Money money: json.WriteNumberValue(money.Value); break;
            case EntityReference reference: json.WriteStringValue(reference.Id.ToString("D")); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case Enum e: json.WriteNumberValue(Convert.ToInt32(e, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
