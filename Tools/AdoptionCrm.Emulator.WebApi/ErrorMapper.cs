using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Turns whatever a request threw into Dataverse's error body {"error":{"code":"0x…","message":"…"}}
/// and HTTP status (dataverse-facts §8): organization-service faults are 400 unless their code says
/// missing row (404), privilege (403) or concurrency/duplicate key (412); anything unexpected is 500.
/// </summary>
public static class ErrorMapper
{
    // Privilege codes the panel treats as "no permission" (prvRead… missing, no role, access denied).
    private static readonly HashSet<int> PrivilegeCodes = new() { unchecked((int)0x80040220), unchecked((int)0x80048306), unchecked((int)0x80040299) };

    private static readonly HashSet<int> PreconditionCodes = new()
    {
        ErrorCodes.DuplicateRecordEntityKey, ErrorCodes.ConcurrencyVersionMismatch, ErrorCodes.ConcurrencyVersionNotProvided,
    };

    public const string UnexpectedCode = "0x80040216";

    /// <summary>The answer; OperationStatus, SubErrorCode and TraceText travel as @Microsoft.PowerApps.CDS annotations when asked for.</summary>
    public sealed record MappedError(int Status, string Code, string Message)
    {
        public int? OperationStatus { get; init; }
        public int? SubErrorCode { get; init; }
        public string? TraceText { get; init; }
        public int? RetryAfterSeconds { get; init; }
    }

    public static MappedError Map(Exception exception) => exception switch
    {
        WebApiException web => new(web.Status, web.Code, web.Message) { RetryAfterSeconds = web.RetryAfterSeconds },
        FaultException<OrganizationServiceFault> fault => FromFault(fault.Detail.ErrorCode, fault.Detail.Message ?? fault.Message) with
        {
            OperationStatus = fault.Detail.ErrorDetails.TryGetValue(Faults.OperationStatusDetail, out var status) && status is int s ? s : null,
            SubErrorCode = fault.Detail.ErrorDetails.TryGetValue(Faults.SubErrorCode, out var sub) && sub is int c ? c : null,
            TraceText = fault.Detail.TraceText,
        },
        _ => new(500, UnexpectedCode, exception.Message),
    };

    public static int StatusFor(int errorCode) =>
        errorCode == ErrorCodes.ObjectDoesNotExist ? 404
        : PrivilegeCodes.Contains(errorCode) ? 403
        : PreconditionCodes.Contains(errorCode) ? 412
        : 400;

    public static string Hex(int code) => "0x" + unchecked((uint)code).ToString("x8");

    private static MappedError FromFault(int errorCode, string message) => new(StatusFor(errorCode), Hex(errorCode), message);
}
