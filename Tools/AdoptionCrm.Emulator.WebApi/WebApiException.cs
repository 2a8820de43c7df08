namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// A request the Web API layer itself refuses (bad OData syntax, unknown property, unsupported
/// feature), carrying the HTTP status and the Dataverse error code the client will see.
/// </summary>
public sealed class WebApiException : Exception
{
    /// <summary>Dataverse's code for OData-level request errors (bad syntax, unknown segment or property).</summary>
    public const string ODataErrorCode = "0x80060888";

    public WebApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }

    /// <summary>Seconds a client should wait before retrying (429 service protection answers).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static WebApiException BadRequest(string message) => new(400, ODataErrorCode, message);

    /// <summary>An OData feature the emulator does not serve: 501, naming the feature so nobody mistakes it for a bug in their query.</summary>
    public static WebApiException NotImplemented(string feature) =>
        new(501, ODataErrorCode, $"not emulated: {feature} is not supported by the emulator's Web API.");

    public static WebApiException NotFound(string message) => new(404, ODataErrorCode, message);
}
