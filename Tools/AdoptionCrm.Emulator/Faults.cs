using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator;

/// <summary>Builds the faults the platform returns: its own errors, and a plug-in's exception as IsvAborted.</summary>
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
