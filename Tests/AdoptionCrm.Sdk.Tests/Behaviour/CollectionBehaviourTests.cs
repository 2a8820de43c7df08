using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Sdk.Tests.Behaviour;

/// <summary>The keyed collections compare keys ordinally: "Target" and "target" are different parameters.</summary>
public class CollectionBehaviourTests
{
    [Fact]
    public void ParameterCollection_keys_are_case_sensitive()
    {
        var parameters = new ParameterCollection { { "Target", 1 } };
        Assert.True(parameters.Contains("Target"));
        Assert.False(parameters.Contains("target"));
        parameters["target"] = 2;
        Assert.Equal(2, parameters.Count);
        Assert.Equal(1, parameters["Target"]);
    }

    [Fact]
    public void AttributeCollection_keys_are_case_sensitive()
    {
        var attributes = new AttributeCollection { { "name", "a" } };
        Assert.False(attributes.ContainsKey("NAME"));
        Assert.False(attributes.TryGetValue("Name", out _));
        Assert.Throws<KeyNotFoundException>(() => attributes["Name"]);
    }

    [Fact]
    public void Add_of_an_existing_key_throws_but_the_indexer_overwrites()
    {
        var attributes = new AttributeCollection { { "name", "a" } };
        Assert.Throws<ArgumentException>(() => attributes.Add("name", "b"));
        attributes["name"] = "b";
        Assert.Equal("b", attributes["name"]);
        Assert.Single(attributes);
    }

    [Fact]
    public void A_collection_over_a_caller_dictionary_reads_and_writes_through_it()
    {
        // ParameterCollection(IDictionary) keeps the caller's dictionary, a SortedDictionary here: every member acts on it.
        var backing = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["b"] = 2 };
        var parameters = new ParameterCollection(backing);
        parameters["a"] = 1;
        parameters.Add("c", 3);
        Assert.Equal(3, backing.Count);
        Assert.True(parameters.Contains("a") && parameters.ContainsKey("c"));
        Assert.True(parameters.TryGetValue("b", out var b) && (int)b == 2);
        Assert.Throws<ArgumentException>(() => parameters.Add("a", 9));
        Assert.True(parameters.Remove("b"));
        Assert.False(backing.ContainsKey("b"));
        Assert.Equal(new[] { "a", "c" }, parameters.Select(p => p.Key));
        Assert.Equal(2, parameters.Count);
    }

    [Fact]
    public void A_caller_dictionary_subclass_is_used_through_the_interface_it_re_implements()
    {
        var backing = new CountingDictionary();
        var parameters = new ParameterCollection(backing);
        parameters["a"] = 1;
        parameters.Add("b", 2);
        Assert.True(parameters.TryGetValue("a", out _));
        Assert.Equal(3, backing.Calls);
    }

    private sealed class CountingDictionary : Dictionary<string, object>, IDictionary<string, object>
    {
        public int Calls { get; private set; }
        object IDictionary<string, object>.this[string key] { get => this[key]; set { Calls++; this[key] = value; } }
        void IDictionary<string, object>.Add(string key, object value) { Calls++; Add(key, value); }
        bool IDictionary<string, object>.TryGetValue(string key, out object value) { Calls++; return TryGetValue(key, out value!); }
    }
}
