using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>Writes OData JSON responses and Dataverse-shaped error bodies with the headers the Web API sends.</summary>
public static class JsonResponse
{
    public const string ContentType = "application/json; odata.metadata=minimal";

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["OData-Version"] = "4.0";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
            body(json);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public const string ErrorAnnotations = "Microsoft.PowerApps.CDS.";

    /// <summary>
    /// Dataverse's error body; with <c>Prefer: odata.include-annotations</c> asking for them, the fault's
    /// OperationStatus, SubErrorCode and trace as @Microsoft.PowerApps.CDS annotations (PAD:webapi/compose-http-requests-handle-errors).
    /// </summary>
    public static Task ErrorAsync(HttpContext context, ErrorMapper.MappedError error, PreferHeader? prefer = null)
    {
        if (error.RetryAfterSeconds is int seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteAsync(context, error.Status, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            if (prefer?.Wants(ErrorAnnotations + "ErrorDetails.OperationStatus") == true && error.OperationStatus is int status)
                json.WriteString("@" + ErrorAnnotations + "ErrorDetails.OperationStatus", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (prefer?.Wants(ErrorAnnotations + "ErrorDetails.SubErrorCode") == true && error.SubErrorCode is int sub)
                json.WriteString("@" + ErrorAnnotations + "ErrorDetails.SubErrorCode", sub.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (prefer?.Wants(ErrorAnnotations + "TraceText") == true && !string.IsNullOrEmpty(error.TraceText))
                json.WriteString("@" + ErrorAnnotations + "TraceText", error.TraceText);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
