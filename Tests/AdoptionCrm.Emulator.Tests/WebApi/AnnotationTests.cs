namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>Prefer: odata.include-annotations — formatted values and lookup annotations, and their absence when not asked.</summary>
public sealed class AnnotationTests : IClassFixture<WebApiFixture>
{
    private const string Fmt = "@OData.Community.Display.V1.FormattedValue";
    private readonly WebApiFixture _f;

    public AnnotationTests(WebApiFixture fixture) => _f = fixture;

    [Fact]
    public async Task Formatted_value_annotation_for_choice_column()
    {
        var reply = await _f.GetAsync($"leads({_f.ContosoLeads[1]})?$select=leadsourcecode", WebApiFixture.Annotations);
        Assert.Equal(4, reply.Body.GetProperty("leadsourcecode").GetInt32());
        Assert.Equal("Partner", reply.Body.GetProperty("leadsourcecode" + Fmt).GetString());
        Assert.Equal("odata.include-annotations=\"*\"", reply.Header("Preference-Applied"));
    }

    [Fact]
    public async Task Formatted_values_for_money_integer_date_and_state()
    {
        var reply = await _f.GetAsync($"accounts({_f.Contoso})?$select=revenue,numberofemployees,createdon,statecode", WebApiFixture.Annotations);
        Assert.Equal("1,234.50", reply.Body.GetProperty("revenue" + Fmt).GetString());
        Assert.Equal("250", reply.Body.GetProperty("numberofemployees" + Fmt).GetString());
        Assert.Equal("2025-01-01T09:00:00Z", reply.Body.GetProperty("createdon").GetString());
        Assert.Equal("1/1/2025 9:00 AM", reply.Body.GetProperty("createdon" + Fmt).GetString());
        Assert.Equal("Active", reply.Body.GetProperty("statecode" + Fmt).GetString());
    }

    [Fact]
    public async Task Formatted_value_for_boolean_column()
    {
        var reply = await _f.GetAsync($"systemusers({_f.CallerId})?$select=isdisabled", WebApiFixture.Annotations);
        Assert.False(reply.Body.GetProperty("isdisabled").GetBoolean());
        Assert.Equal("No", reply.Body.GetProperty("isdisabled" + Fmt).GetString());
    }

    [Fact]
    public async Task Lookup_value_carries_name_logical_name_and_navigation_property()
    {
        var reply = await _f.GetAsync($"leads?$select=_parentaccountid_value,_ownerid_value&$filter=leadid eq {_f.FabrikamLeads[0]}", WebApiFixture.Annotations);
        var row = Assert.Single(reply.Rows);
        Assert.Equal(_f.Fabrikam.ToString(), row.GetProperty("_parentaccountid_value").GetString());
        Assert.Equal("O'Brien & Sons", row.GetProperty("_parentaccountid_value" + Fmt).GetString());
        Assert.Equal("account", row.GetProperty("_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.Equal("parentaccountid", row.GetProperty("_parentaccountid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").GetString());
        Assert.Equal("systemuser", row.GetProperty("_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.Equal("Web Caller", row.GetProperty("_ownerid_value" + Fmt).GetString());
        // Annotations come before the property they annotate.
        var names = row.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.IndexOf("_parentaccountid_value" + Fmt) < names.IndexOf("_parentaccountid_value"));
    }

    [Fact]
    public async Task No_annotations_without_the_prefer_header()
    {
        var reply = await _f.GetAsync($"leads({_f.ContosoLeads[0]})?$select=leadsourcecode,_parentaccountid_value");
        Assert.DoesNotContain(reply.Body.EnumerateObject(), p => p.Name.Contains('@') && p.Name != "@odata.context" && p.Name != "@odata.etag");
        Assert.Null(reply.Header("Preference-Applied"));
    }

    [Fact]
    public async Task FormattedValue_preference_alone_gives_no_lookup_annotations()
    {
        var reply = await _f.GetAsync($"leads({_f.ContosoLeads[0]})?$select=_parentaccountid_value",
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        Assert.Equal("Contoso", reply.Body.GetProperty("_parentaccountid_value" + Fmt).GetString());
        Assert.False(reply.Body.TryGetProperty("_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname", out _));
    }
}
