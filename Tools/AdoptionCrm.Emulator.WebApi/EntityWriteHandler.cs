using System.Text.Json;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Writes on entity sets, each through the organization service as the caller so the pipeline runs as
/// for an SDK call (PAD:webapi/create-entity-web-api, update-delete-entities-using-web-api,
/// perform-conditional-operations-using-web-api, use-upsert-insert-update-record):
/// <list type="bullet">
/// <item>POST /set → Create; 204 + OData-EntityId, or 201 + the row with <c>Prefer: return=representation</c>.</item>
/// <item>PATCH /set(id|keys) → Upsert; <c>If-Match: *</c> update only (404 when missing),
/// <c>If-Match: W/"v"</c> update only if the row version matches (412), <c>If-None-Match: *</c> create only
/// (412 when the row exists); 204, or 200 (updated) / 201 (created) with return=representation.</item>
/// <item>DELETE /set(id|keys) → Delete; <c>If-Match: W/"v"</c> checks the row version (412).</item>
/// </list>
/// </summary>
public sealed class EntityWriteHandler
{
    private readonly EntitySetMap _sets;
    private readonly EntityJsonReader _reader;
    private readonly IOrganizationService _service;

    public EntityWriteHandler(MetadataCatalog catalog, IOrganizationService service)
    {
        _sets = new EntitySetMap(catalog);
        _reader = new EntityJsonReader(_sets);
        _service = service;
    }

    public async Task HandleAsync(HttpContext context, string resource)
    {
        var path = ResourcePath.Parse(resource);
        var schema = _sets.FindSet(path.EntitySet) ?? throw WebApiException.NotFound($"Resource not found for the segment '{path.EntitySet}'.");
        var table = schema.Definition;
        var prefer = PreferHeader.Parse(context.Request.Headers["Prefer"]);
        var method = context.Request.Method;
        if (HttpMethods.IsPost(method))
        {
            if (path.IsSingle) throw WebApiException.BadRequest($"POST creates rows on the entity set '{path.EntitySet}', not on one row.");
            var entity = _reader.Read(table, await BodyAsync(context));
            var id = (Guid)_service.Execute(new CreateRequest { Target = entity }).Results["id"];
            await AnswerAsync(context, table, id, prefer, representationStatus: 201);
            return;
        }
        if (!path.IsSingle) throw WebApiException.BadRequest($"{method} needs one row: '{path.EntitySet}(<id>)' or an alternate key.");
        if (HttpMethods.IsPatch(method)) await PatchAsync(context, table, path, prefer);
        else if (HttpMethods.IsDelete(method)) Delete(context, table, path);
        else throw new WebApiException(405, WebApiException.ODataErrorCode, $"The method {method} is not allowed on '{resource}'.");
    }

    private async Task PatchAsync(HttpContext context, TableDefinition table, ResourcePath path, PreferHeader prefer)
    {
        var entity = _reader.Read(table, await BodyAsync(context), path.Id ?? Guid.Empty);
        if (path.Keys is { } keys) entity.KeyAttributes = KeyValueConverter.Convert(table, keys);
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        Guid id;
        var created = false;
        if (ifNoneMatch == "*")
        {
            if (Existing(table, path) is not null)
                throw new WebApiException(412, ErrorMapper.Hex(ErrorCodes.DuplicateRecord), "A record with matching key values already exists.");
            foreach (var (key, value) in entity.KeyAttributes) entity[key] = value;
            entity.KeyAttributes = new KeyAttributeCollection();
            id = (Guid)_service.Execute(new CreateRequest { Target = entity }).Results["id"];
            created = true;
        }
        else if (ifMatch.Length > 0)
        {
            var update = new UpdateRequest { Target = entity };
            if (ifMatch != "*")
            {
                entity.RowVersion = VersionOf(ifMatch);
                update.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
            }
            _service.Execute(update);
            id = entity.Id != Guid.Empty ? entity.Id : Existing(table, path)!.Value;
        }
        else
        {
            var response = _service.Execute(new UpsertRequest { Target = entity }).Results;
            created = (bool)response["RecordCreated"];
            id = ((EntityReference)response["Target"]).Id;
        }
        await AnswerAsync(context, table, id, prefer, representationStatus: created ? 201 : 200);
    }

    private void Delete(HttpContext context, TableDefinition table, ResourcePath path)
    {
        var target = path.Id is Guid id ? new EntityReference(table.LogicalName, id)
            : new EntityReference(table.LogicalName, Existing(table, path) ?? throw WebApiException.NotFound($"{table.LogicalName} With Ids = {path.EntitySet} Does Not Exist"));
        var request = new DeleteRequest { Target = target };
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            target.RowVersion = VersionOf(ifMatch);
            request["ConcurrencyBehavior"] = ConcurrencyBehavior.IfRowVersionMatches;
        }
        _service.Execute(request);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The row's id when it exists (by id or alternate key), else null.</summary>
    private Guid? Existing(TableDefinition table, ResourcePath path)
    {
        var target = path.Id is Guid id ? new EntityReference(table.LogicalName, id) : new EntityReference(table.LogicalName, KeyValueConverter.Convert(table, path.Keys!));
        try { return ((Entity)_service.Execute(new RetrieveRequest { Target = target, ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(table.PrimaryIdAttribute) }).Results["Entity"]).Id; }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault> e) when (e.Detail.ErrorCode == ErrorCodes.ObjectDoesNotExist) { return null; }
    }

    private async Task AnswerAsync(HttpContext context, TableDefinition table, Guid id, PreferHeader prefer, int representationStatus)
    {
        context.Response.Headers["OData-EntityId"] = $"{EntitySetHandler.BaseUrl(context)}{table.EntitySetName}({id:D})";
        if (!prefer.ReturnRepresentation)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        var query = CollectionQuery.Parse(context.Request.Query, table, single: true);
        var entity = (Entity)_service.Execute(new RetrieveRequest { Target = new EntityReference(table.LogicalName, id), ColumnSet = query.ColumnSet() }).Results["Entity"];
        if (EntityJsonWriter.Etag(entity) is { } etag) context.Response.Headers.ETag = etag;
        context.Response.Headers["Preference-Applied"] = PreferHeader.ReturnRepresentationToken;
        var writer = new EntityJsonWriter(table, query.Select, prefer);
        await JsonResponse.WriteAsync(context, representationStatus, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", $"{EntitySetHandler.BaseUrl(context)}$metadata#{table.EntitySetName}/$entity");
            writer.WriteProperties(json, entity);
            json.WriteEndObject();
        });
    }

    private static string VersionOf(string etag)
    {
        var text = etag.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return text.Trim('"');
    }

    public static async Task<JsonElement> BodyAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw WebApiException.BadRequest($"The request body is not valid JSON: {e.Message}");
        }
    }
}
