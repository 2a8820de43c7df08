using System;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection() : base(new Dictionary<string, object>(StringComparer.Ordinal)) { }
    }

    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection() : base(new Dictionary<string, object>(StringComparer.Ordinal)) { }
    }

    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection() : base(new Dictionary<string, string>(StringComparer.Ordinal)) { }
    }

    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection() : base(new Dictionary<string, object>(StringComparer.Ordinal)) { }
        public ParameterCollection(IDictionary<string, object> dictionary) : base(dictionary) { }
    }

    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection() : base(new Dictionary<string, Entity>(StringComparer.Ordinal)) { }
        public EntityImageCollection(IDictionary<string, Entity> dictionary) : base(dictionary) { }
    }

    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
        public RelatedEntityCollection() : base(new Dictionary<Relationship, EntityCollection>()) { }
        public new bool IsReadOnly { get { return false; } }
    }

    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection() { }
        public EntityReferenceCollection(IList<EntityReference> list) : base(new List<EntityReference>(list)) { }
    }
}
