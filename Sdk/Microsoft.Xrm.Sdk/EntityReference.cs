using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection _keyAttributes; // made on first use: most references carry no key

        public EntityReference() { }
        public EntityReference(string logicalName) { LogicalName = logicalName; }
        public EntityReference(string logicalName, Guid id) { LogicalName = logicalName; Id = id; }
        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }
        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            _keyAttributes = keyAttributeCollection ?? new KeyAttributeCollection();
        }

        public Guid Id { get; set; }
        public string LogicalName { get; set; }
        public string Name { get; set; }
        public string RowVersion { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
            set { _keyAttributes = value; }
        }

        /// <summary>Two references are equal when id and logical name match (name is ignored).</summary>
        public override bool Equals(object obj)
        {
            var other = obj as EntityReference;
            if (other == null) return false;
            return Id == other.Id && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);
        }

        public override int GetHashCode()
        {
            return Id.GetHashCode() ^ (LogicalName == null ? 0 : LogicalName.GetHashCode());
        }
    }

    public sealed class EntityCollection : IExtensibleDataObject
    {
        private readonly DataCollection<Entity> _entities;

        public EntityCollection() { _entities = new DataCollection<Entity>(); }
        public EntityCollection(System.Collections.Generic.IList<Entity> list)
        {
            _entities = new DataCollection<Entity>();
            if (list != null) _entities.AddRange(list);
        }

        public DataCollection<Entity> Entities { get { return _entities; } }
        public string EntityName { get; set; }
        public bool MoreRecords { get; set; }
        public string PagingCookie { get; set; }
        public string MinActiveRowVersion { get; set; }
        public int TotalRecordCount { get; set; }
        public bool TotalRecordCountLimitExceeded { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public Entity this[int index]
        {
            get { return _entities[index]; }
            set { _entities[index] = value; }
        }
    }

    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship() { }
        public Relationship(string schemaName) { SchemaName = schemaName; }

        public string SchemaName { get; set; }
        public EntityRole? PrimaryEntityRole { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            var other = obj as Relationship;
            return other != null && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
                && PrimaryEntityRole == other.PrimaryEntityRole;
        }

        public override int GetHashCode() { return SchemaName == null ? 0 : SchemaName.GetHashCode(); }
        public override string ToString() { return SchemaName; }
    }
}
