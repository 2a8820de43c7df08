using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails = new ErrorDetailCollection();

        protected BaseServiceFault() { }

        public Guid ActivityId { get; set; }
        public int ErrorCode { get; set; }
        public string HelpLink { get; set; }
        public string Message { get; set; }
        public DateTime Timestamp { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public ErrorDetailCollection ErrorDetails
        {
            get { return _errorDetails; }
            set { _errorDetails = value; }
        }
    }

    /// <summary>The detail of FaultException&lt;OrganizationServiceFault&gt;: Dataverse's error code and text.</summary>
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault() { }

        public OrganizationServiceFault InnerFault { get; set; }
        public string TraceText { get; set; }

        public override string ToString()
        {
            return string.Format("OrganizationServiceFault (ErrorCode {0}): {1}", ErrorCode, Message);
        }
    }

    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
        public ErrorDetailCollection() : base(new Dictionary<string, object>(StringComparer.Ordinal)) { }
    }
}
