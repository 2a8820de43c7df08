using System.Globalization;
using System.Text.Json;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Turns a Web API request body (a JSON object of OData properties) into an SDK Entity for the table:
/// plain properties by column type, lookups only through <c>nav@odata.bind: "/set(id)"</c> or
/// <c>"/set(key='v')"</c> (PAD:webapi/associate-disassociate-entities-using-web-api), annotations ignored.
/// A property the table does not have, a value of the wrong JSON type, or a write to the read-only
/// <c>_x_value</c> property is a 400 naming it, as Dataverse answers.
/// </summary>
public sealed class EntityJsonReader
{
    public const string Bind = "@odata.bind";
    private readonly EntitySetMap _sets;

    public EntityJsonReader(EntitySetMap sets) => _sets = sets;

    public Entity Read(TableDefinition table, JsonElement body, Guid id = default)
    {
        if (body.ValueKind != JsonValueKind.Object) throw WebApiException.BadRequest("The request body must be a JSON object.");
        var entity = new Entity(table.LogicalName, id);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(Bind, StringComparison.Ordinal))
            {
                var navigation = name[..^Bind.Length];
                var (column, target) = Lookup(table, navigation, property.Value);
                entity[column.LogicalName] = target;
                continue;
            }
            if (name.Contains('@')) continue; // instance annotations (@odata.type, formatted values…) carry no data
            if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
                throw WebApiException.BadRequest($"The property '{name}' is read-only; set a lookup with '<navigation property>{Bind}'.");
            var columnDef = EntitySetMap.Resolve(table, name);
            entity[columnDef.LogicalName] = Value(columnDef, property.Value, name);
        }
        return entity;
    }

    private (ColumnDefinition Column, EntityReference? Target) Lookup(TableDefinition table, string navigation, JsonElement value)
    {
        EntityReference? target = null;
        if (value.ValueKind == JsonValueKind.String) target = Reference(value.GetString()!, navigation);
        else if (value.ValueKind != JsonValueKind.Null) throw WebApiException.BadRequest($"'{navigation}{Bind}' must be a URL like \"/accounts(<id>)\".");
        foreach (var column in table.Columns.Values.Where(EntitySetMap.IsLookup))
        {
            var targets = target is null ? column.Targets : new[] { target.LogicalName };
            if (targets.Any(t => column.Targets.Contains(t) && EntitySetMap.NavigationProperty(table, column, t) == navigation))
                return (column, target);
        }
        throw WebApiException.BadRequest($"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload.");
    }

    /// <summary>"/accounts(guid)", "accounts(guid)", an absolute URL, or a key segment.</summary>
    public EntityReference Reference(string url, string forWhat)
    {
        var path = url;
        var api = path.IndexOf(EntitySetHandler.ApiPath, StringComparison.Ordinal);
        if (api >= 0) path = path[(api + EntitySetHandler.ApiPath.Length)..];
        path = path.TrimStart('/');
        var resource = ResourcePath.Parse(Uri.UnescapeDataString(path));
        var schema = _sets.FindSet(resource.EntitySet) ?? throw WebApiException.BadRequest($"'{forWhat}': no entity set named '{resource.EntitySet}'.");
        if (resource.Id is Guid id) return new EntityReference(schema.LogicalName, id);
        if (resource.Keys is { } keys) return new EntityReference(schema.LogicalName, KeyValueConverter.Convert(schema.Definition, keys));
        throw WebApiException.BadRequest($"'{forWhat}' must name one row, like \"/{resource.EntitySet}(<id>)\".");
    }

    public static object? Value(ColumnDefinition column, JsonElement value, string property)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return column.Type switch
            {
                ColumnType.String or ColumnType.Memo or ColumnType.EntityName => Expect(value, JsonValueKind.String, property).GetString(),
                ColumnType.Integer => Expect(value, JsonValueKind.Number, property).GetInt32(),
                ColumnType.BigInt => Expect(value, JsonValueKind.Number, property).GetInt64(),
                ColumnType.Decimal => Expect(value, JsonValueKind.Number, property).GetDecimal(),
                ColumnType.Double => Expect(value, JsonValueKind.Number, property).GetDouble(),
                ColumnType.Money => new Money(Expect(value, JsonValueKind.Number, property).GetDecimal()),
                ColumnType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
                    : throw Mistyped(property, "Edm.Boolean"),
                ColumnType.Picklist or ColumnType.State or ColumnType.Status => new OptionSetValue(Expect(value, JsonValueKind.Number, property).GetInt32()),
                ColumnType.DateTime => DateTime.Parse(Expect(value, JsonValueKind.String, property).GetString()!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                ColumnType.PrimaryKey or ColumnType.UniqueIdentifier => Guid.Parse(Expect(value, JsonValueKind.String, property).GetString()!),
                _ => throw WebApiException.BadRequest($"The property '{property}' cannot be written."),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException)
        {
            throw Mistyped(property, FilterTranslator.EdmType(column));
        }
    }

    private static JsonElement Expect(JsonElement value, JsonValueKind kind, string property) =>
        value.ValueKind == kind ? value : throw Mistyped(property, kind.ToString());

    private static WebApiException Mistyped(string property, string expected) =>
        WebApiException.BadRequest($"Cannot convert the literal for property '{property}' to the expected type '{expected}'.");
}
