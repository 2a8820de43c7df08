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

    public static Task ErrorAsync(HttpContext context, ErrorMapper.MappedError error) =>
        WriteAsync(context, error.Status, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        });
}
