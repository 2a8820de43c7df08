using System;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        // Room for a row's usual columns from the start: grown from empty, a dictionary of eight columns allocates its
        // arrays three times (3, 7, 17 entries). Measured on the signup path: 11 allocates least of 0, 7, 11 and 17.
        private const int InitialCapacity = 11;

        public AttributeCollection() : base(new Dictionary<string, object>(InitialCapacity, StringComparer.Ordinal)) { }
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
