using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Sdk.Tests.Behaviour;

/// <summary>Entity behaves as Microsoft's does where plugin code can tell.</summary>
public class EntityBehaviourTests
{
    [Fact]
    public void GetAttributeValue_returns_default_for_a_missing_key()
    {
        var entity = new Entity("account");
        Assert.Null(entity.GetAttributeValue<string>("name"));
        Assert.Equal(0, entity.GetAttributeValue<int>("numberofemployees"));
        Assert.Null(entity.GetAttributeValue<int?>("numberofemployees"));
        Assert.Equal(Guid.Empty, entity.GetAttributeValue<Guid>("parentaccountid"));
    }

    [Fact]
    public void GetAttributeValue_returns_default_for_a_null_value()
    {
        var entity = new Entity("account") { ["numberofemployees"] = null, ["name"] = null };
        Assert.Equal(0, entity.GetAttributeValue<int>("numberofemployees"));
        Assert.Null(entity.GetAttributeValue<string>("name"));
    }

    [Fact]
    public void GetAttributeValue_returns_the_stored_value()
    {
        var owner = new EntityReference("systemuser", Guid.NewGuid());
        var entity = new Entity("account") { ["numberofemployees"] = 12, ["ownerid"] = owner };
        Assert.Equal(12, entity.GetAttributeValue<int>("numberofemployees"));
        Assert.Same(owner, entity.GetAttributeValue<EntityReference>("ownerid"));
    }

    [Fact]
    public void GetAttributeValue_with_the_wrong_type_throws_InvalidCast()
    {
        var entity = new Entity("account") { ["name"] = "Contoso" };
        Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<int>("name"));
    }

    [Fact]
    public void Indexer_throws_KeyNotFound_for_a_missing_key()
    {
        var entity = new Entity("account");
        Assert.Throws<KeyNotFoundException>(() => entity["name"]);
    }

    [Fact]
    public void Contains_is_true_for_a_null_value_and_false_for_a_missing_key()
    {
        var entity = new Entity("account") { ["name"] = null };
        Assert.True(entity.Contains("name"));
        Assert.False(entity.Contains("telephone1"));
    }

    [Fact]
    public void Attribute_names_are_case_sensitive()
    {
        var entity = new Entity("account") { ["name"] = "Contoso" };
        Assert.False(entity.Contains("Name"));
        Assert.Throws<KeyNotFoundException>(() => entity["Name"]);
    }

    [Fact]
    public void ToEntityReference_carries_logical_name_id_and_key_attributes()
    {
        var id = Guid.NewGuid();
        var entity = new Entity("account", id);
        entity.KeyAttributes["accountnumber"] = "A-1";

        var reference = entity.ToEntityReference();

        Assert.Equal("account", reference.LogicalName);
        Assert.Equal(id, reference.Id);
        Assert.Equal("A-1", reference.KeyAttributes["accountnumber"]);
    }

    [Fact]
    public void ToEntityReference_from_a_key_only_entity_has_an_empty_id()
    {
        var reference = new Entity("account", "accountnumber", "A-1").ToEntityReference();
        Assert.Equal(Guid.Empty, reference.Id);
        Assert.Equal("A-1", reference.KeyAttributes["accountnumber"]);
    }

    [Fact]
    public void ToEntityReference_without_a_logical_name_throws()
    {
        Assert.Throws<NotSupportedException>(() => new Entity().ToEntityReference());
        Assert.Throws<NotSupportedException>(() => new Entity { Id = Guid.NewGuid() }.ToEntityReference());
    }

    [Fact]
    public void A_new_row_has_empty_key_formatted_and_related_collections_that_keep_what_is_added()
    {
        var entity = new Entity("account", Guid.NewGuid());
        Assert.Empty(entity.KeyAttributes);
        Assert.Empty(entity.FormattedValues);
        Assert.Empty(entity.RelatedEntities);
        Assert.Equal(string.Empty, entity.GetFormattedAttributeValue("industrycode"));
        Assert.Empty(entity.ToEntityReference().KeyAttributes);

        entity.FormattedValues["industrycode"] = "Mining";
        entity.KeyAttributes["accountnumber"] = "A-1";
        Assert.Equal("Mining", entity.GetFormattedAttributeValue("industrycode"));
        Assert.Same(entity.KeyAttributes, entity.KeyAttributes);
        var copy = entity.ToEntity<Entity>();
        Assert.Same(entity.KeyAttributes, copy.KeyAttributes);
        Assert.Equal("Mining", copy.FormattedValues["industrycode"]);
        Assert.Empty(new EntityReference("account", Guid.NewGuid()).KeyAttributes);
        Assert.Equal("A-1", new EntityReference("account", "accountnumber", "A-1").KeyAttributes["accountnumber"]);
    }
}
