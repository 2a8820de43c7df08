using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Keyed collection behind AttributeCollection, ParameterCollection and friends.</summary>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private readonly IDictionary<TKey, TValue> _items;
        // The same dictionary typed as the class when it is exactly one (every collection here makes one): the reads and
        // writes every attribute access goes through are then direct calls, not interface dispatch. A caller's other
        // dictionary, a subclass too (it may re-implement the interface), is always used through the interface.
        private readonly Dictionary<TKey, TValue> _dictionary;

        protected DataCollection() { _items = _dictionary = new Dictionary<TKey, TValue>(); }

        protected DataCollection(IDictionary<TKey, TValue> dictionary)
        {
            _items = dictionary;
            _dictionary = dictionary != null && dictionary.GetType() == typeof(Dictionary<TKey, TValue>) ? (Dictionary<TKey, TValue>)dictionary : null;
        }

        public TValue this[TKey key]
        {
            get { return _dictionary != null ? _dictionary[key] : _items[key]; }
            set { if (_dictionary != null) _dictionary[key] = value; else _items[key] = value; }
        }

        public int Count { get { return _dictionary != null ? _dictionary.Count : _items.Count; } }
        public bool IsReadOnly { get { return false; } }
        public ICollection<TKey> Keys { get { return _items.Keys; } }
        public ICollection<TValue> Values { get { return _items.Values; } }

        public void Add(TKey key, TValue value) { if (_dictionary != null) _dictionary.Add(key, value); else _items.Add(key, value); }
        public void Add(KeyValuePair<TKey, TValue> item) { _items.Add(item); }
        public void AddRange(params KeyValuePair<TKey, TValue>[] items) { AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items); }
        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            foreach (var item in items) _items.Add(item);
        }
        public void Clear() { _items.Clear(); }
        public bool Contains(TKey key) { return _dictionary != null ? _dictionary.ContainsKey(key) : _items.ContainsKey(key); }
        public bool Contains(KeyValuePair<TKey, TValue> key) { return _items.Contains(key); }
        public bool ContainsKey(TKey key) { return _dictionary != null ? _dictionary.ContainsKey(key) : _items.ContainsKey(key); }
        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) { _items.CopyTo(array, index); }
        public bool Remove(TKey key) { return _dictionary != null ? _dictionary.Remove(key) : _items.Remove(key); }
        public bool Remove(KeyValuePair<TKey, TValue> item) { return _items.Remove(item); }
        public bool TryGetValue(TKey key, out TValue value) { return _dictionary != null ? _dictionary.TryGetValue(key, out value) : _items.TryGetValue(key, out value); }
        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() { return _items.GetEnumerator(); }
        IEnumerator IEnumerable.GetEnumerator() { return _items.GetEnumerator(); }
    }

    /// <summary>List collection behind EntityCollection.Entities and EntityReferenceCollection.</summary>
    public class DataCollection<T> : Collection<T>, IReadOnlyList<T>
    {
        // Not public: the official listing has no DataCollection`1 constructor, so callers use the sealed
        // collections (EntityReferenceCollection, OrganizationRequestCollection, ...) instead.
        internal DataCollection() { }
        internal DataCollection(IList<T> list) : base(list) { }

        public void AddRange(params T[] items) { AddRange((IEnumerable<T>)items); }
        public void AddRange(IEnumerable<T> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }
        public T[] ToArray()
        {
            var result = new T[Count];
            CopyTo(result, 0);
            return result;
        }
    }
}
