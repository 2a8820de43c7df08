using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The one exception whose message Dataverse shows to the user.</summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception
    {
        // -2147220891 (0x80040265) is the code Dataverse reports for a plug-in's own error.
        private const int IsvAbortedCode = -2147220891;

        public InvalidPluginExecutionException() : this(OperationStatus.Failed, IsvAbortedCode, null) { }
        public InvalidPluginExecutionException(string message) : this(OperationStatus.Failed, IsvAbortedCode, message) { }
        public InvalidPluginExecutionException(string message, Exception inner) : base(message, inner)
        {
            Status = OperationStatus.Failed;
            ErrorCode = IsvAbortedCode;
        }
        public InvalidPluginExecutionException(OperationStatus status) : this(status, IsvAbortedCode, null) { }
        public InvalidPluginExecutionException(OperationStatus status, string message) : this(status, IsvAbortedCode, message) { }
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
