using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        private readonly DataCollection<object> _values = new DataCollection<object>();

        public ConditionExpression() { }
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
        {
            AttributeName = attributeName;
            Operator = conditionOperator;
        }
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(attributeName, conditionOperator)
        {
            _values.Add(value);
        }
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(attributeName, conditionOperator)
        {
            if (values != null) _values.AddRange(values);
        }
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
            : this(attributeName, conditionOperator)
        {
            if (values != null) foreach (var value in values) _values.Add(value);
        }
        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(attributeName, conditionOperator)
        {
            EntityName = entityName;
        }
        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(attributeName, conditionOperator, value)
        {
            EntityName = entityName;
        }
        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(attributeName, conditionOperator, values)
        {
            EntityName = entityName;
        }

        public string EntityName { get; set; }
        public string AttributeName { get; set; }
        public ConditionOperator Operator { get; set; }
        public DataCollection<object> Values { get { return _values; } }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class FilterExpression : IExtensibleDataObject
    {
        private readonly DataCollection<ConditionExpression> _conditions = new DataCollection<ConditionExpression>();
        private readonly DataCollection<FilterExpression> _filters = new DataCollection<FilterExpression>();

        public FilterExpression() { }
        public FilterExpression(LogicalOperator filterOperator) { FilterOperator = filterOperator; }

        public LogicalOperator FilterOperator { get; set; }
        public DataCollection<ConditionExpression> Conditions { get { return _conditions; } }
        public DataCollection<FilterExpression> Filters { get { return _filters; } }
        public bool IsQuickFindFilter { get; set; }
        public string FilterHint { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(ConditionExpression condition) { _conditions.Add(condition); }
        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
        }
        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
        }
        public void AddFilter(FilterExpression childFilter) { if (childFilter != null) _filters.Add(childFilter); }
        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            _filters.Add(child);
            return child;
        }
    }
}
