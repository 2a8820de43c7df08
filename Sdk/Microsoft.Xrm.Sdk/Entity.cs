using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A row: logical name, id, attributes, key attributes and formatted values.</summary>
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes = new AttributeCollection();
        // Made on first use: most rows never carry key attributes, formatted values or related rows, and a row
        // is built for every value a query, a copy or an image hands out.
        private KeyAttributeCollection _keyAttributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;

        public Entity() { }
        public Entity(string entityName) { LogicalName = entityName; }
        public Entity(string entityName, Guid id) { LogicalName = entityName; Id = id; }
        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            KeyAttributes[keyName] = keyValue;
        }
        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            _keyAttributes = keyAttributes ?? new KeyAttributeCollection();
        }

        public string LogicalName { get; set; }
        public virtual Guid Id { get; set; }
        public string RowVersion { get; set; }
        public EntityState? EntityState { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
        public bool HasLazyFileAttribute { get; set; }
        public string LazyFileAttributeKey { get; set; }
        public Lazy<object> LazyFileAttributeValue { get; set; }
        public string LazyFileSizeAttributeKey { get; set; }
        public int LazyFileSizeAttributeValue { get; set; }

        public AttributeCollection Attributes
        {
            get { return _attributes; }
            set { _attributes = value; }
        }

        public KeyAttributeCollection KeyAttributes
        {
            get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
            set { _keyAttributes = value; }
        }

        public FormattedValueCollection FormattedValues { get { return _formattedValues ?? (_formattedValues = new FormattedValueCollection()); } }
        public RelatedEntityCollection RelatedEntities { get { return _relatedEntities ?? (_relatedEntities = new RelatedEntityCollection()); } }

        /// <summary>Throws KeyNotFoundException for a missing attribute, as the official indexer does.</summary>
        public object this[string attributeName]
        {
            get { return _attributes[attributeName]; }
            set { _attributes[attributeName] = value; }
        }

        public bool Contains(string attributeName) { return _attributes.Contains(attributeName); }

        /// <summary>Returns default(T) when the attribute is missing or null; casts otherwise.</summary>
        public T GetAttributeValue<T>(string attributeLogicalName)
        {
            object value;
            if (!_attributes.TryGetValue(attributeLogicalName, out value) || value == null)
                return default(T);
            return (T)value;
        }

        public void SetAttributeValue(string attributeLogicalName, object value) { _attributes[attributeLogicalName] = value; }

        public string GetFormattedAttributeValue(string attributeLogicalName)
        {
            string value;
            return _formattedValues != null && _formattedValues.TryGetValue(attributeLogicalName, out value) ? value : string.Empty;
        }

        public EntityReference ToEntityReference()
        {
            if (string.IsNullOrEmpty(LogicalName))
                throw new NotSupportedException("LogicalName must be set before calling ToEntityReference()");
            var reference = new EntityReference(LogicalName, Id);
            if (_keyAttributes != null && _keyAttributes.Count > 0)
            {
                foreach (var pair in _keyAttributes) reference.KeyAttributes[pair.Key] = pair.Value;
            }
            reference.RowVersion = RowVersion;
            return reference;
        }

        /// <summary>Copies this row into a new instance of T (an early-bound class or Entity).</summary>
        public T ToEntity<T>() where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity(LogicalName, Id);
                ShallowCopyTo(copy);
                return (T)copy;
            }
            var target = (T)Activator.CreateInstance(typeof(T));
            if (!string.IsNullOrEmpty(target.LogicalName) && !string.IsNullOrEmpty(LogicalName) && target.LogicalName != LogicalName)
                throw new NotSupportedException(string.Format("Cannot convert entity {0} to {1}", LogicalName, target.LogicalName));
            target.LogicalName = LogicalName;
            target.Id = Id;
            ShallowCopyTo(target);
            return target;
        }

        private void ShallowCopyTo(Entity target)
        {
            target.Attributes = _attributes;
            target.KeyAttributes = KeyAttributes;
            target.RowVersion = RowVersion;
            target.EntityState = EntityState;
            target.ExtensionData = ExtensionData;
            if (_formattedValues != null) foreach (var pair in _formattedValues) target.FormattedValues[pair.Key] = pair.Value;
            if (_relatedEntities != null) foreach (var pair in _relatedEntities) target.RelatedEntities[pair.Key] = pair.Value;
        }

        protected virtual T GetRelatedEntity<T>(string relationshipSchemaName, EntityRole? primaryEntityRole) where T : Entity
        {
            EntityCollection collection;
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (_relatedEntities == null || !_relatedEntities.TryGetValue(key, out collection) || collection.Entities.Count == 0) return null;
            return collection.Entities[0].ToEntity<T>();
        }

        protected virtual IEnumerable<T> GetRelatedEntities<T>(string relationshipSchemaName, EntityRole? primaryEntityRole) where T : Entity
        {
            EntityCollection collection;
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (_relatedEntities == null || !_relatedEntities.TryGetValue(key, out collection)) return null;
            var result = new List<T>();
            foreach (var entity in collection.Entities) result.Add(entity.ToEntity<T>());
            return result;
        }

        protected virtual void SetRelatedEntity<T>(string relationshipSchemaName, EntityRole? primaryEntityRole, T entity) where T : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entity == null) { RelatedEntities.Remove(key); return; }
            var collection = new EntityCollection(new List<Entity> { entity }) { EntityName = entity.LogicalName };
            RelatedEntities[key] = collection;
        }

        protected virtual void SetRelatedEntities<T>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<T> entities) where T : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entities == null) { RelatedEntities.Remove(key); return; }
            var list = new List<Entity>();
            foreach (var entity in entities) list.Add(entity);
            RelatedEntities[key] = new EntityCollection(list) { EntityName = list.Count > 0 ? list[0].LogicalName : null };
        }
    }
}
