using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public abstract class QueryBase : IExtensibleDataObject
    {
        protected QueryBase() { }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class FetchExpression : QueryBase
    {
        public FetchExpression() { }
        public FetchExpression(string query) { Query = query; }
        public string Query { get; set; }
    }

    public sealed class PagingInfo : IExtensibleDataObject
    {
        public int PageNumber { get; set; }
        public int Count { get; set; }
        public string PagingCookie { get; set; }
        public bool ReturnTotalRecordCount { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression() { }
        public OrderExpression(string attributeName, OrderType orderType) { AttributeName = attributeName; OrderType = orderType; }
        public OrderExpression(string attributeName, OrderType orderType, string alias) : this(attributeName, orderType) { Alias = alias; }
        public string AttributeName { get; set; }
        public string Alias { get; set; }
        public OrderType OrderType { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }
}
