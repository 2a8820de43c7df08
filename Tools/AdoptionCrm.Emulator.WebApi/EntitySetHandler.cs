using System.Text;
using System.Text.Json;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Answers GET on <c>/api/data/v9.2/&lt;set&gt;</c>, <c>&lt;set&gt;(&lt;id&gt;)</c>, <c>&lt;set&gt;(key='v')</c> and
/// <c>&lt;set&gt;?fetchXml=…</c> by calling the organization service as the server's caller, so the
/// pipeline (Retrieve/RetrieveMultiple steps) and validation apply as they would in Dataverse.
/// </summary>
public sealed class EntitySetHandler
{
    public const string ApiPath = "/api/data/v9.2/";

    private readonly EntitySetMap _sets;
    private readonly IOrganizationService _service;

    public EntitySetHandler(MetadataCatalog catalog, IOrganizationService service)
    {
        _sets = new EntitySetMap(catalog);
        _service = service;
    }

    public Task HandleAsync(HttpContext context, string resource)
    {
        if (resource is "WhoAmI" or "WhoAmI()") return WhoAmIAsync(context);
        if (resource.StartsWith('$')) throw WebApiException.NotImplemented($"the {resource.Split('/')[0]} resource");
        var path = ResourcePath.Parse(resource);
        var schema = _sets.FindSet(path.EntitySet)
            ?? throw WebApiException.NotFound($"Resource not found for the segment '{path.EntitySet}'.");
        var prefer = PreferHeader.Parse(context.Request.Headers["Prefer"]);
        if (path.IsSingle) return SingleAsync(context, path, schema.Definition, prefer);
        if (context.Request.Query.ContainsKey("fetchXml")) return FetchAsync(context, path.EntitySet, schema.Definition, prefer);
        return CollectionAsync(context, path.EntitySet, schema.Definition, prefer);
    }

    /// <summary>The WhoAmI function: the caller's user, business unit and organization ids.</summary>
    private async Task WhoAmIAsync(HttpContext context)
    {
        var results = _service.Execute(new OrganizationRequest("WhoAmI")).Results;
        await JsonResponse.WriteAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", BaseUrl(context) + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
            foreach (var name in new[] { "BusinessUnitId", "UserId", "OrganizationId" })
                if (results.TryGetValue(name, out var value)) { json.WritePropertyName(name); EntityJsonWriter.WriteValue(json, value); }
            json.WriteEndObject();
        });
    }

    private async Task SingleAsync(HttpContext context, ResourcePath path, TableDefinition table, PreferHeader prefer)
    {
        var query = CollectionQuery.Parse(context.Request.Query, table, single: true);
        var target = path.Id is Guid id ? new EntityReference(table.LogicalName, id) : new EntityReference(table.LogicalName, KeyValueConverter.Convert(table, path.Keys!));
        var response = _service.Execute(new OrganizationRequest("Retrieve") { ["Target"] = target, ["ColumnSet"] = query.ColumnSet() });
        var entity = (Entity)response.Results["Entity"];
        var etag = EntityJsonWriter.Etag(entity);
        // If-None-Match with the current etag: the client's copy is fresh (not with annotations, per the docs).
        if (etag is not null && context.Request.Headers.IfNoneMatch.ToString() == etag && prefer.IncludeAnnotations is null)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            return;
        }
        if (etag is not null) context.Response.Headers.ETag = etag;
        SetPreferenceApplied(context, prefer, pageSize: null);
        var writer = new EntityJsonWriter(table, query.Select, prefer);
        await JsonResponse.WriteAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", Context(context, table, query.Select) + "/$entity");
            writer.WriteProperties(json, entity);
            json.WriteEndObject();
        });
    }

    private async Task CollectionAsync(HttpContext context, string set, TableDefinition table, PreferHeader prefer)
    {
        var query = CollectionQuery.Parse(context.Request.Query, table, single: false);
        // With $top the rows are capped and never paged (no nextLink), whatever odata.maxpagesize says.
        var pageSize = prefer.PageSize;
        var result = _service.RetrieveMultiple(query.ToQueryExpression(pageSize));
        var writer = new EntityJsonWriter(table, query.Select, prefer);
        string? nextLink = null;
        if (query.Top is null && result.MoreRecords)
            nextLink = NextLink(context, new SkipToken((query.Skip?.PageNumber ?? 1) + 1, result.PagingCookie));
        SetPreferenceApplied(context, prefer, query.Top is null ? pageSize : null);
        await JsonResponse.WriteAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", Context(context, table, query.Select));
            if (query.Count)
            {
                json.WriteNumber("@odata.count", result.TotalRecordCount);
                if (result.TotalRecordCountLimitExceeded) json.WriteBoolean("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded", true);
            }
            json.WriteStartArray("value");
            foreach (var entity in result.Entities) writer.Write(json, entity);
            json.WriteEndArray();
            if (nextLink is not null) json.WriteString("@odata.nextLink", nextLink);
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// FetchXML through the Web API: the fetch names its table (it must be this set's) and pages
    /// itself (count/page/paging-cookie attributes); more rows are announced with the
    /// @Microsoft.Dynamics.CRM.morerecords and fetchxmlpagingcookie annotations, not a nextLink.
    /// </summary>
    private async Task FetchAsync(HttpContext context, string set, TableDefinition table, PreferHeader prefer)
    {
        foreach (var key in context.Request.Query.Keys)
            if (key.StartsWith('$')) throw WebApiException.BadRequest($"The query option {key} cannot be combined with fetchXml.");
        var xml = context.Request.Query["fetchXml"].ToString();
        var fetch = FetchInfo.Read(xml);
        if (fetch.EntityName != table.LogicalName)
            throw WebApiException.BadRequest($"The fetchXml entity '{fetch.EntityName}' does not match the entity set '{set}' ({table.LogicalName}).");
        var result = _service.RetrieveMultiple(new FetchExpression(xml));
        SetPreferenceApplied(context, prefer, pageSize: null);
        await JsonResponse.WriteAsync(context, 200, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", BaseUrl(context) + "$metadata#" + set);
            if (result.TotalRecordCount >= 0 && fetch.ReturnTotalRecordCount)
                json.WriteNumber("@Microsoft.Dynamics.CRM.totalrecordcount", result.TotalRecordCount);
            if (result.MoreRecords && result.PagingCookie is not null)
                json.WriteString("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", new SkipToken(fetch.Page + 1, result.PagingCookie).ToString());
            json.WriteBoolean("@Microsoft.Dynamics.CRM.morerecords", result.MoreRecords);
            json.WriteStartArray("value");
            foreach (var entity in result.Entities) WriteFetchRow(json, table, entity, prefer);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>A FetchXML row: root columns under their OData names, linked and aggregate columns under their alias.</summary>
    private static void WriteFetchRow(Utf8JsonWriter json, TableDefinition table, Entity entity, PreferHeader prefer)
    {
        json.WriteStartObject();
        if (EntityJsonWriter.Etag(entity) is { } etag) json.WriteString("@odata.etag", etag);
        foreach (var (key, value) in entity.Attributes)
        {
            var column = value is AliasedValue ? null : table.Columns.GetValueOrDefault(key);
            var name = column is null ? key : EntitySetMap.PropertyName(column);
            entity.FormattedValues.TryGetValue(key, out var engineText);
            EntityJsonWriter.WriteProperty(json, name, column, value, engineText, column is null ? null : table, prefer);
        }
        json.WriteEndObject();
    }

    /// <summary>This request's URL with $skiptoken set to the next page's token.</summary>
    private static string NextLink(HttpContext context, SkipToken token)
    {
        var url = new StringBuilder(BaseUrl(context)).Append(context.Request.Path.Value![ApiPath.Length..]);
        var separator = '?';
        foreach (var (key, values) in context.Request.Query)
        {
            if (key == "$skiptoken") continue;
            foreach (var value in values)
            {
                url.Append(separator).Append(Uri.EscapeDataString(key).Replace("%24", "$")).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                separator = '&';
            }
        }
        url.Append(separator).Append("$skiptoken=").Append(Uri.EscapeDataString(token.ToString()));
        return url.ToString();
    }

    private static string Context(HttpContext context, TableDefinition table, IReadOnlyList<ColumnDefinition>? select)
    {
        var url = BaseUrl(context) + "$metadata#" + table.EntitySetName;
        return select is null ? url : url + "(" + string.Join(",", select.Select(EntitySetMap.PropertyName)) + ")";
    }

    public static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{ApiPath}";

    private static void SetPreferenceApplied(HttpContext context, PreferHeader prefer, int? pageSize)
    {
        var applied = new List<string>();
        if (prefer.IncludeAnnotations is { } annotations) applied.Add($"odata.include-annotations=\"{annotations}\"");
        if (pageSize is int size && prefer.MaxPageSize is not null) applied.Add($"odata.maxpagesize={size}");
        if (applied.Count > 0) context.Response.Headers["Preference-Applied"] = string.Join(",", applied);
    }
}
