using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters = new ParameterCollection();

        public OrganizationRequest() { }
        public OrganizationRequest(string requestName) { RequestName = requestName; }

        public string RequestName { get; set; }
        public Guid? RequestId { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public ParameterCollection Parameters
        {
            get { return _parameters; }
            set { _parameters = value; }
        }

        public object this[string parameterName]
        {
            get { return _parameters[parameterName]; }
            set { _parameters[parameterName] = value; }
        }
    }

    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results = new ParameterCollection();

        public OrganizationResponse() { }

        public string ResponseName { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public ParameterCollection Results
        {
            get { return _results; }
            set { _results = value; }
        }

        public object this[string itemName]
        {
            get { return _results[itemName]; }
            set { _results[itemName] = value; }
        }
    }
}
