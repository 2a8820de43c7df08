using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class LinkEntity : IExtensibleDataObject
    {
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();
        private FilterExpression _linkCriteria = new FilterExpression();
        private ColumnSet _columns = new ColumnSet();

        public LinkEntity() { }
        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        public string LinkFromEntityName { get; set; }
        public string LinkToEntityName { get; set; }
        public string LinkFromAttributeName { get; set; }
        public string LinkToAttributeName { get; set; }
        public JoinOperator JoinOperator { get; set; }
        public string EntityAlias { get; set; }
        public ColumnSet Columns { get { return _columns; } set { _columns = value; } }
        public FilterExpression LinkCriteria { get { return _linkCriteria; } set { _linkCriteria = value; } }
        public DataCollection<LinkEntity> LinkEntities { get { return _linkEntities; } }
        public DataCollection<OrderExpression> Orders { get { return _orders; } }
        public ExtensionDataObject ExtensionData { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            _linkEntities.Add(link);
            return link;
        }
    }

    public sealed class QueryExpression : QueryBase
    {
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();
        private FilterExpression _criteria = new FilterExpression();
        private ColumnSet _columnSet = new ColumnSet();
        private PagingInfo _pageInfo = new PagingInfo();

        public QueryExpression() { }
        public QueryExpression(string entityName) { EntityName = entityName; }

        public string EntityName { get; set; }
        public ColumnSet ColumnSet { get { return _columnSet; } set { _columnSet = value; } }
        public FilterExpression Criteria { get { return _criteria; } set { _criteria = value; } }
        public PagingInfo PageInfo { get { return _pageInfo; } set { _pageInfo = value; } }
        public DataCollection<LinkEntity> LinkEntities { get { return _linkEntities; } }
        public DataCollection<OrderExpression> Orders { get { return _orders; } }
        public bool Distinct { get; set; }
        public bool NoLock { get; set; }
        public int? TopCount { get; set; }
        public string QueryHints { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            _linkEntities.Add(link);
            return link;
        }

        public void AddOrder(string attributeName, OrderType orderType) { _orders.Add(new OrderExpression(attributeName, orderType)); }
    }

    public sealed class QueryByAttribute : QueryBase
    {
        private readonly DataCollection<string> _attributes = new DataCollection<string>();
        private readonly DataCollection<object> _values = new DataCollection<object>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();
        private ColumnSet _columnSet = new ColumnSet();
        private PagingInfo _pageInfo = new PagingInfo();

        public QueryByAttribute() { }
        public QueryByAttribute(string entityName) { EntityName = entityName; }

        public string EntityName { get; set; }
        public ColumnSet ColumnSet { get { return _columnSet; } set { _columnSet = value; } }
        public DataCollection<string> Attributes { get { return _attributes; } }
        public DataCollection<object> Values { get { return _values; } }
        public DataCollection<OrderExpression> Orders { get { return _orders; } }
        public PagingInfo PageInfo { get { return _pageInfo; } set { _pageInfo = value; } }
        public int? TopCount { get; set; }

        public void AddAttributeValue(string attributeName, object value)
        {
            _attributes.Add(attributeName);
            _values.Add(value);
        }

        public void AddOrder(string attributeName, OrderType orderType) { _orders.Add(new OrderExpression(attributeName, orderType)); }
    }
}
