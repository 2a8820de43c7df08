using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The one exception whose message Dataverse shows to the user.</summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception
    {
        // Without an explicit code, ErrorCode is the exception's own HResult (0x80131500 for this
        // type), as Microsoft's 9.0.0.0 assembly reports it. The platform, not the exception, turns it
        // into the fault a client sees: IsvAborted (0x80040265) with this code as its SubErrorCode.
        public InvalidPluginExecutionException() : base() { Status = OperationStatus.Failed; ErrorCode = HResult; }
        public InvalidPluginExecutionException(string message) : base(message) { Status = OperationStatus.Failed; ErrorCode = HResult; }
        public InvalidPluginExecutionException(string message, Exception inner) : base(message, inner)
        {
            Status = OperationStatus.Failed;
            ErrorCode = HResult;
        }
        public InvalidPluginExecutionException(OperationStatus status) : base() { Status = status; ErrorCode = HResult; }
        public InvalidPluginExecutionException(OperationStatus status, string message) : base(message) { Status = status; ErrorCode = HResult; }
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message) : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
        }

#pragma warning disable SYSLIB0051 // kept for the official serialization contract
        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
            Status = (OperationStatus)info.GetInt32("Status");
            ErrorCode = info.GetInt32("ErrorCode");
        }

        public OperationStatus Status { get; private set; }
        public int ErrorCode { get; private set; }

#if NET8_0_OR_GREATER
        [Obsolete("Formatter-based serialization is obsolete; kept for signature compatibility.")]
#endif
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue("Status", (int)Status);
            info.AddValue("ErrorCode", ErrorCode);
        }
    }
}
