using System.Globalization;
using System.Text.Json;
using AdoptionCrm.Emulator.CustomApis;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using AdoptionCrm.Solution.Source;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Custom APIs over the Web API (PAD:webapi/use-web-api-actions, use-web-api-functions, custom-api):
/// an action is POSTed, unbound at <c>/&lt;uniquename&gt;</c>, bound at
/// <c>/&lt;set&gt;(&lt;id&gt;)/Microsoft.Dynamics.CRM.&lt;uniquename&gt;</c> (or on the set for a collection-bound one),
/// with its parameters as JSON properties; a function is a GET with parameters in the URL
/// (<c>/name(P=@p)?@p='x'</c>). Values are converted by the declared type and the request runs through
/// the organization service as the caller, so it goes through the same pipeline as an SDK call. The
/// answer is 204 when the API declares no response property, else 200 with
/// <c>@odata.context …$metadata#Microsoft.Dynamics.CRM.&lt;name&gt;Response</c> and the properties.
/// </summary>
public sealed class ActionHandler
{
    public const string Namespace = "Microsoft.Dynamics.CRM.";
    private readonly CustomApiCatalog _apis;
    private readonly EntitySetMap _sets;
    private readonly EntityJsonReader _reader;
    private readonly IOrganizationService _service;

    public ActionHandler(CustomApiCatalog apis, MetadataCatalog catalog, IOrganizationService service)
    {
        _apis = apis;
        _sets = new EntitySetMap(catalog);
        _reader = new EntityJsonReader(_sets);
        _service = service;
    }

    /// <summary>The Custom API a resource path calls, with the bound row or set part; null if it calls none.</summary>
    public (CustomApiDefinition Api, string? Bound, string? Arguments)? Match(string resource)
    {
        var operation = resource;
        string? bound = null;
        var slash = resource.LastIndexOf('/');
        if (slash > 0)
        {
            bound = resource[..slash];
            operation = resource[(slash + 1)..];
            if (!operation.StartsWith(Namespace, StringComparison.Ordinal)) return null;
            operation = operation[Namespace.Length..];
        }
        string? arguments = null;
        var open = operation.IndexOf('(');
        if (open >= 0)
        {
            if (!operation.EndsWith(')')) return null;
            arguments = operation[(open + 1)..^1];
            operation = operation[..open];
        }
        return _apis.Find(operation) is { } api ? (api, bound, arguments) : null;
    }

    public async Task HandleAsync(HttpContext context, CustomApiDefinition api, string? bound, string? arguments)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (api.IsFunction != isGet)
            throw new WebApiException(405, WebApiException.ODataErrorCode, api.IsFunction
                ? $"{api.UniqueName} is a function: call it with GET."
                : $"{api.UniqueName} is an action: call it with POST.");
        var request = new OrganizationRequest(api.UniqueName);
        BindTarget(api, bound, request);
        if (isGet) ReadFunctionArguments(api, arguments, context.Request.Query, request);
        else if (context.Request.ContentLength is not 0) ReadActionBody(api, await EntityWriteHandler.BodyAsync(context), request);
        var results = _service.Execute(request).Results;
        if (api.ResponseProperties.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await JsonResponse.WriteAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", $"{EntitySetHandler.BaseUrl(context)}$metadata#{Namespace}{api.UniqueName}Response");
            foreach (var property in api.ResponseProperties)
            {
                if (!results.TryGetValue(property.UniqueName, out var value)) continue;
                json.WritePropertyName(property.UniqueName);
                WriteValue(json, value);
            }
            json.WriteEndObject();
        });
    }

    private void BindTarget(CustomApiDefinition api, string? bound, OrganizationRequest request)
    {
        if (api.Binding == CustomApiBinding.Global)
        {
            if (bound is not null) throw WebApiException.BadRequest($"{api.UniqueName} is unbound: call it at /{api.UniqueName}.");
            return;
        }
        if (bound is null) throw WebApiException.BadRequest($"{api.UniqueName} is bound to {api.BoundEntityLogicalName}: call it on /<set>(<id>)/{Namespace}{api.UniqueName}.");
        var path = ResourcePath.Parse(bound);
        var schema = _sets.FindSet(path.EntitySet) ?? throw WebApiException.NotFound($"Resource not found for the segment '{path.EntitySet}'.");
        if (schema.LogicalName != api.BoundEntityLogicalName)
            throw WebApiException.BadRequest($"{api.UniqueName} is bound to {api.BoundEntityLogicalName}, not {schema.LogicalName}.");
        if (api.Binding == CustomApiBinding.Entity)
        {
            if (!path.IsSingle) throw WebApiException.BadRequest($"{api.UniqueName} is bound to one {api.BoundEntityLogicalName} row: call it on /{path.EntitySet}(<id>)/….");
            request["Target"] = _reader.Reference(bound, api.UniqueName); // a bound API gets its row as Target
        }
    }

    private void ReadActionBody(CustomApiDefinition api, JsonElement body, OrganizationRequest request)
    {
        if (body.ValueKind != JsonValueKind.Object) throw WebApiException.BadRequest("The action body must be a JSON object of its parameters.");
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name.Contains('@')) continue;
            var field = api.RequestParameters.FirstOrDefault(p => p.UniqueName == property.Name)
                ?? throw WebApiException.BadRequest($"The parameter '{property.Name}' in the request payload is not a valid parameter for the operation '{api.UniqueName}'.");
            request[field.UniqueName] = Value(field, property.Value);
        }
    }

    // name(P1=@p1,P2='x') with aliases resolved from the query string.
    private void ReadFunctionArguments(CustomApiDefinition api, string? arguments, IQueryCollection query, OrganizationRequest request)
    {
        if (string.IsNullOrWhiteSpace(arguments)) return;
        foreach (var pair in arguments.Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw WebApiException.BadRequest($"'{pair}' is not a parameter assignment Name=value.");
            var name = pair[..eq].Trim();
            var literal = pair[(eq + 1)..].Trim();
            if (literal.StartsWith('@')) literal = query[literal].ToString();
            var field = api.RequestParameters.FirstOrDefault(p => p.UniqueName == name)
                ?? throw WebApiException.BadRequest($"The parameter '{name}' is not a valid parameter for the function '{api.UniqueName}'.");
            var json = literal.StartsWith('\'') && literal.EndsWith('\'') && literal.Length >= 2
                ? JsonSerializer.Serialize(literal[1..^1].Replace("''", "'"))
                : literal;
            using var document = JsonDocument.Parse(json);
            request[field.UniqueName] = Value(field, document.RootElement);
        }
    }

    private object? Value(CustomApiField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return field.Type switch
            {
                CustomApiType.Boolean => value.GetBoolean(),
                CustomApiType.DateTime => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                CustomApiType.Decimal => value.GetDecimal(),
                CustomApiType.Float => value.GetDouble(),
                CustomApiType.Integer => value.GetInt32(),
                CustomApiType.Money => new Money(value.GetDecimal()),
                CustomApiType.Picklist => new OptionSetValue(value.GetInt32()),
                CustomApiType.String => value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException(),
                CustomApiType.StringArray => value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
                CustomApiType.Guid => Guid.Parse(value.GetString()!),
                CustomApiType.EntityReference => Reference(field, value),
                CustomApiType.Entity => Row(field, value),
                CustomApiType.EntityCollection => new EntityCollection(value.EnumerateArray().Select(v => Row(field, v)).ToList()),
                _ => throw new FormatException(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            throw WebApiException.BadRequest($"The value of '{field.UniqueName}' is not a valid {field.Type}.");
        }
    }

    // An entity value names its table by @odata.type (or the parameter's declared table).
    private TableDefinition TableOf(CustomApiField field, JsonElement value)
    {
        var type = value.TryGetProperty("@odata.type", out var t) ? t.GetString()!.TrimStart('#') : null;
        var name = type is not null && type.StartsWith(Namespace, StringComparison.Ordinal) ? type[Namespace.Length..] : field.LogicalEntityName;
        return _sets.FindTable(name ?? throw new FormatException()) ?? throw new FormatException();
    }

    private EntityReference Reference(CustomApiField field, JsonElement value)
    {
        var table = TableOf(field, value);
        return new EntityReference(table.LogicalName, Guid.Parse(value.GetProperty(table.PrimaryIdAttribute).GetString()!));
    }

    private Entity Row(CustomApiField field, JsonElement value)
    {
        var table = TableOf(field, value);
        var id = value.TryGetProperty(table.PrimaryIdAttribute, out var pk) && pk.ValueKind == JsonValueKind.String ? Guid.Parse(pk.GetString()!) : Guid.Empty;
        var entity = _reader.Read(table, value, id);
        entity.Attributes.Remove(table.PrimaryIdAttribute);
        return entity;
    }

    private void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case EntityReference reference when _sets.FindTable(reference.LogicalName) is { } table:
                json.WriteStartObject();
                json.WriteString("@odata.type", "#" + Namespace + reference.LogicalName);
                json.WriteString(table.PrimaryIdAttribute, reference.Id.ToString("D"));
                json.WriteEndObject();
                break;
            case Entity entity when _sets.FindTable(entity.LogicalName) is { } table:
                json.WriteStartObject();
                json.WriteString("@odata.type", "#" + Namespace + entity.LogicalName);
                new EntityJsonWriter(table, null, PreferHeader.Parse(Array.Empty<string>())).WriteProperties(json, entity);
                json.WriteEndObject();
                break;
            case EntityCollection collection:
                json.WriteStartArray();
                foreach (var row in collection.Entities) WriteValue(json, row);
                json.WriteEndArray();
                break;
            case string[] strings:
                json.WriteStartArray();
                foreach (var s in strings) json.WriteStringValue(s);
                json.WriteEndArray();
                break;
            default:
                EntityJsonWriter.WriteValue(json, value);
                break;
        }
    }
}
