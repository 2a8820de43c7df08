using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Sends one Web API request (from the server, or one operation of a $batch) to what answers it:
/// $batch, a Custom API (action or function), reads (GET) or writes (POST/PATCH/DELETE) on entity sets,
/// all as calls to the given organization service. Errors become Dataverse's error body.
/// </summary>
public sealed class WebApiRouter
{
    private readonly EmulatedOrganization _org;

    public WebApiRouter(EmulatedOrganization org) => _org = org;

    /// <summary>Answers the request; a failure is written as the error response (status ≥ 400), never thrown.</summary>
    public async Task HandleAsync(HttpContext context, string resource, IOrganizationService service, Guid callerId)
    {
        try
        {
            await RouteAsync(context, resource, service, callerId);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            CorsHeaders.Apply(context);
            await JsonResponse.ErrorAsync(context, ErrorMapper.Map(e), PreferHeader.Parse(context.Request.Headers["Prefer"]));
        }
    }

    private Task RouteAsync(HttpContext context, string resource, IOrganizationService service, Guid callerId)
    {
        var method = context.Request.Method;
        if (resource == BatchHandler.Resource)
            return HttpMethods.IsPost(method) ? new BatchHandler(_org, this).HandleAsync(context, service, callerId)
                : throw new WebApiException(405, WebApiException.ODataErrorCode, "$batch takes POST.");
        if (resource == MetadataDocument.Resource && HttpMethods.IsGet(method))
            return MetadataDocument.WriteAsync(context, MetadataDocument.Build(_org.Catalog, _org.CustomApis));
        var actions = new ActionHandler(_org.CustomApis, _org.Catalog, service);
        if (actions.Match(resource) is { } call) return actions.HandleAsync(context, call.Api, call.Bound, call.Arguments);
        if (HttpMethods.IsGet(method)) return new EntitySetHandler(_org.Catalog, service).HandleAsync(context, resource);
        if (HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            return new EntityWriteHandler(_org.Catalog, service).HandleAsync(context, resource);
        throw WebApiException.NotImplemented($"the {method} method");
    }
}
