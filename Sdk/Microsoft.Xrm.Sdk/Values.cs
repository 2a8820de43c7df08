using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue() { }
        public OptionSetValue(int value) { Value = value; }
        public int Value { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
        public override bool Equals(object obj) { var o = obj as OptionSetValue; return o != null && o.Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
    }

    public sealed class Money : IExtensibleDataObject
    {
        public Money() { }
        public Money(decimal value) { Value = value; }
        public decimal Value { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
        public override bool Equals(object obj) { var o = obj as Money; return o != null && o.Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
    }

    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue() { }
        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }
        public string EntityLogicalName { get; private set; }
        public string AttributeLogicalName { get; private set; }
        public object Value { get; private set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public enum EntityRole { Referencing = 0, Referenced = 1 }
    public enum EntityState { Unchanged = 0, Created = 1, Changed = 2 }
    public enum ConcurrencyBehavior { Default = 0, IfRowVersionMatches = 1, AlwaysOverwrite = 2 }
    public enum OperationStatus { Failed = 0, Canceled = 1, Retry = 2, Suspended = 3, Succeeded = 4 }
}
