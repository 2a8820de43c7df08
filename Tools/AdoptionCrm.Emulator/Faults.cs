using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator;

/// <summary>
/// Dataverse error codes the emulator raises, with the platform's values (see
/// shared/reference/dataverse-facts.md). Every platform error leaves the emulator as
/// FaultException&lt;OrganizationServiceFault&gt;, exactly as the SDK surfaces it.
/// </summary>
public static class ErrorCodes
{
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);
    public const int InvalidArgument = unchecked((int)0x80040203);
    public const int AttributeCannotBeNull = -2147220989;
    public const int IsvAborted = -2147220891; // 0x80040265, plug-in's own error
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);
    public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
    public const int QueryBuilderNoEntity = unchecked((int)0x80040800);
    public const int InvalidOperator = unchecked((int)0x80040203);
    public const int MaxBatchSizeExceeded = unchecked((int)0x8004110D);
    public const int NotEmulated = unchecked((int)0x80040800);
    // The codes below are from community reports of the platform's messages (unconfirmed in MS docs).
    public const int DuplicateRecord = unchecked((int)0x80040237);          // "Cannot insert duplicate key"
    public const int SqlLockTimeout = -2147204784;                          // "Generic SQL error" (deadlock victim)
    public const int MaxLengthExceeded = unchecked((int)0x80044331);
    public const int ValueOutOfRange = unchecked((int)0x8004431A);
    public const int InvalidStateStatus = unchecked((int)0x80040203);
    public const int InfiniteLoop = unchecked((int)0x80044182);
    public const int NoActiveTransaction = unchecked((int)0x80040251);
    public const int IsvUnexpected = unchecked((int)0x80040224);
    public const int InvalidLookupTarget = unchecked((int)0x80040203);
}

public static class Faults
{
    /// <summary>A fault with Dataverse's shape: ErrorCode, Message, and the message as the fault reason.</summary>
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message)
    {
        var detail = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow };
        return new FaultException<OrganizationServiceFault>(detail, new FaultReason(message));
    }

    /// <summary>
    /// What a client receives when a plug-in throws InvalidPluginExecutionException: ErrorCode IsvAborted
    /// (0x80040265), the exception's own code as ErrorDetails["SubErrorCode"], its OperationStatus as
    /// ErrorDetails["OperationStatus"], its message, and the step's trace. Sources: PAD:application-insights-ilogger
    /// (fault ErrorCode -2147220891 with SubErrorCode -2146233088); PAD:webapi/compose-http-requests-handle-errors
    /// (the @Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus / .SubErrorCode annotations).
    /// </summary>
    public static FaultException<OrganizationServiceFault> PluginAborted(InvalidPluginExecutionException error, string? traceText)
    {
        var fault = Create(ErrorCodes.IsvAborted, error.Message);
        fault.Detail.ErrorDetails[SubErrorCode] = error.ErrorCode;
        fault.Detail.ErrorDetails[OperationStatusDetail] = (int)error.Status;
        fault.Detail.TraceText = traceText;
        return fault;
    }

    public const string SubErrorCode = "SubErrorCode";
    public const string OperationStatusDetail = "OperationStatus";
}
