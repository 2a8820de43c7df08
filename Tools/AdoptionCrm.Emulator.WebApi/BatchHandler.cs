using Microsoft.AspNetCore.Http;
using Microsoft.OData;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// POST $batch (PAD:webapi/execute-batch-operations-using-web-api): the multipart body is read and the
/// response written with Microsoft.OData.Core's batch reader and writer. Requests outside change sets
/// run one by one, each its own transaction; a change set runs in one unit of work
/// (<see cref="EmulatedOrganization.InTransaction{T}"/>), so a failing request rolls back its whole change
/// set and only it: the change set then answers with that one error response (OData 4.0 §11.7.4).
/// Processing stops after the first failure unless <c>Prefer: odata.continue-on-error</c>. At most
/// <see cref="MaxRequests"/> requests per batch. Inside a change set, <c>$n</c> names the row created by the request
/// with Content-ID n, in a later request's URL (<c>$1/…</c>) or in an <c>@odata.bind</c> value (<c>"$1"</c>).
/// </summary>
public sealed class BatchHandler
{
    public const string Resource = "$batch";
    public const int MaxRequests = 1000;
    private readonly EmulatedOrganization _org;
    private readonly WebApiRouter _router;

    public BatchHandler(EmulatedOrganization org, WebApiRouter router)
    {
        _org = org;
        _router = router;
    }

    public async Task HandleAsync(HttpContext context, IOrganizationService service, Guid callerId)
    {
        var prefer = PreferHeader.Parse(context.Request.Headers["Prefer"]);
        var baseUri = new Uri(EntitySetHandler.BaseUrl(context));
        var parts = await ReadAsync(context, baseUri);
        var count = parts.Sum(p => p.Count);
        if (count > MaxRequests)
            throw WebApiException.BadRequest($"The batch holds {count} requests; a batch may hold at most {MaxRequests}.");

        var output = new MemoryStream();
        var response = new BatchMessage(output, baseUri, "POST");
        response.SetHeader("Content-Type", $"multipart/mixed; boundary=batchresponse_{Guid.NewGuid():D}");
        using (var writer = new ODataMessageWriter((IODataResponseMessage)response, new ODataMessageWriterSettings { BaseUri = baseUri, Version = ODataVersion.V4 }))
        {
            var batch = writer.CreateODataBatchWriter();
            batch.WriteStartBatch();
            foreach (var part in parts)
            {
                var failed = false;
                if (part.IsChangeSet)
                {
                    try
                    {
                        var answers = _org.InTransaction(callerId, unit =>
                        {
                            var done = new List<BatchResponse>();
                            var created = new Dictionary<string, string>(StringComparer.Ordinal);
                            foreach (var op in part.Operations)
                            {
                                var answer = Run(context, ContentIdReferences.Resolve(op, created), unit, callerId);
                                ContentIdReferences.Remember(answer, created);
                                if (answer.Status >= 400) throw new ChangeSetFailedException(answer); // rolls the change set back
                                done.Add(answer);
                            }
                            return done;
                        });
                        batch.WriteStartChangeset();
                        foreach (var answer in answers) Write(batch, answer);
                        batch.WriteEndChangeset();
                    }
                    catch (ChangeSetFailedException rolledBack)
                    {
                        Write(batch, rolledBack.Response);
                        failed = true;
                    }
                }
                else
                {
                    var answer = Run(context, part.Operations[0], service, callerId);
                    Write(batch, answer);
                    failed = answer.Status >= 400;
                }
                if (failed && !prefer.ContinueOnError) break;
            }
            batch.WriteEndBatch();
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = response.GetHeader("Content-Type");
        context.Response.Headers["OData-Version"] = "4.0";
        await context.Response.Body.WriteAsync(output.ToArray(), context.RequestAborted); // ToArray: the OData writer closed the stream
    }

    // One operation through the router on a fresh in-memory HttpContext, as if it had come on its own.
    private BatchResponse Run(HttpContext outer, BatchOperation op, IOrganizationService service, Guid callerId)
    {
        var inner = new DefaultHttpContext();
        inner.Request.Method = op.Method;
        inner.Request.Scheme = outer.Request.Scheme;
        inner.Request.Host = outer.Request.Host;
        inner.Request.Path = Uri.UnescapeDataString(op.Url.AbsolutePath);
        inner.Request.QueryString = new QueryString(op.Url.Query);
        foreach (var (name, value) in op.Headers) inner.Request.Headers[name] = value;
        inner.Request.Body = new MemoryStream(op.Body);
        inner.Request.ContentLength = op.Body.Length;
        var body = new MemoryStream();
        inner.Response.Body = body;
        var path = inner.Request.Path.Value ?? "";
        if (!path.StartsWith(EntitySetHandler.ApiPath, StringComparison.Ordinal))
            throw WebApiException.BadRequest($"The batch request URL '{op.Url}' is not under {EntitySetHandler.ApiPath}.");
        _router.HandleAsync(inner, path[EntitySetHandler.ApiPath.Length..], service, callerId).GetAwaiter().GetResult();
        inner.Response.BodyWriter.FlushAsync().GetAwaiter().GetResult();
        var headers = inner.Response.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
        return new BatchResponse(inner.Response.StatusCode, headers, body.ToArray(), op.ContentId);
    }

    private static void Write(ODataBatchWriter batch, BatchResponse answer)
    {
        var message = batch.CreateOperationResponseMessage(answer.ContentId);
        message.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) message.SetHeader(name, value);
        using var stream = message.GetStream();
        stream.Write(answer.Body);
    }

    private sealed record Part(bool IsChangeSet, List<BatchOperation> Operations)
    {
        public int Count => Operations.Count;
    }

    private static async Task<List<Part>> ReadAsync(HttpContext context, Uri baseUri)
    {
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        var request = new BatchMessage(body, new Uri(baseUri, Resource), "POST");
        request.SetHeader("Content-Type", context.Request.ContentType ?? "");
        var parts = new List<Part>();
        try
        {
            using var reader = new ODataMessageReader((IODataRequestMessage)request,
                new ODataMessageReaderSettings { BaseUri = baseUri, MessageQuotas = new ODataMessageQuotas { MaxPartsPerBatch = int.MaxValue, MaxOperationsPerChangeset = int.MaxValue } });
            var batch = reader.CreateODataBatchReader();
            Part? changeSet = null;
            while (batch.Read())
            {
                switch (batch.State)
                {
                    case ODataBatchReaderState.ChangesetStart:
                        changeSet = new Part(true, new List<BatchOperation>());
                        break;
                    case ODataBatchReaderState.ChangesetEnd:
                        if (changeSet is { Count: > 0 }) parts.Add(changeSet);
                        changeSet = null;
                        break;
                    case ODataBatchReaderState.Operation:
                        var message = batch.CreateOperationRequestMessage();
                        using (var stream = message.GetStream())
                        {
                            var copy = new MemoryStream();
                            stream.CopyTo(copy);
                            var op = new BatchOperation(message.Method, message.Url, message.Headers.ToList(), copy.ToArray(), message.ContentId);
                            if (changeSet is not null) changeSet.Operations.Add(op); else parts.Add(new Part(false, new List<BatchOperation> { op }));
                        }
                        break;
                }
            }
        }
        catch (ODataException e)
        {
            throw WebApiException.BadRequest($"The $batch body is not a valid multipart batch: {e.Message}");
        }
        return parts;
    }
}
