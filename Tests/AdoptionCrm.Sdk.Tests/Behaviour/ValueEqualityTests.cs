using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Sdk.Tests.Behaviour;

/// <summary>Equality of the value types plugins compare (changed-column checks rely on these).</summary>
public class ValueEqualityTests
{
    [Fact]
    public void EntityReferences_with_same_logical_name_and_id_are_equal_whatever_their_Name()
    {
        var id = Guid.NewGuid();
        var a = new EntityReference("account", id) { Name = "Contoso" };
        var b = new EntityReference("account", id) { Name = "Contoso Ltd" };
        var c = new EntityReference("account", id);
        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void EntityReferences_differ_by_id_or_logical_name()
    {
        var id = Guid.NewGuid();
        var account = new EntityReference("account", id);
        Assert.NotEqual(account, new EntityReference("account", Guid.NewGuid()));
        Assert.NotEqual(account, new EntityReference("contact", id));
        Assert.False(account.Equals(null));
    }

    [Fact]
    public void OptionSetValues_are_equal_by_value()
    {
        Assert.Equal(new OptionSetValue(1), new OptionSetValue(1));
        Assert.NotEqual(new OptionSetValue(1), new OptionSetValue(2));
        Assert.Equal(new OptionSetValue(7).GetHashCode(), new OptionSetValue(7).GetHashCode());
        Assert.False(new OptionSetValue(1).Equals(null));
    }

    [Fact]
    public void Money_is_equal_by_value()
    {
        Assert.Equal(new Money(10.5m), new Money(10.50m));
        Assert.NotEqual(new Money(10m), new Money(11m));
        Assert.Equal(new Money(3m).GetHashCode(), new Money(3.0m).GetHashCode());
        Assert.False(new Money(1m).Equals(new OptionSetValue(1)));
    }
}
