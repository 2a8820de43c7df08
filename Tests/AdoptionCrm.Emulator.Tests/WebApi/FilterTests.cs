namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>$filter over HTTP: each operator and literal kind against rows created through the service.</summary>
public sealed class FilterTests : IClassFixture<WebApiFixture>
{
    private readonly WebApiFixture _f;

    public FilterTests(WebApiFixture fixture) => _f = fixture;

    private async Task<List<string?>> Ids(string filter)
    {
        var reply = await _f.GetAsync("leads?$select=fullname&$filter=" + Uri.EscapeDataString(filter));
        Assert.True(reply.Status == 200, reply.Text);
        return reply.Column("leadid");
    }

    private static List<string?> Of(IEnumerable<Guid> ids) => ids.Select(i => (string?)i.ToString()).ToList();

    [Fact]
    public async Task Filter_on_lookup_value_returns_only_that_accounts_leads()
    {
        var ids = await Ids($"_parentaccountid_value eq {_f.Fabrikam}");
        Assert.Equal(Of(_f.FabrikamLeads).Order(), ids.Order());
    }

    [Fact]
    public async Task Filter_eq_string_literal_unescapes_doubled_quotes()
    {
        var ids = await Ids("lastname eq 'O''Hara'");
        Assert.Equal(Of(_f.FabrikamLeads).Order(), ids.Order());
    }

    [Fact]
    public async Task Filter_ne_excludes_the_value()
    {
        var ids = await Ids($"_parentaccountid_value eq {_f.Contoso} and lastname ne 'Lee'");
        Assert.Equal(Of(_f.ContosoLeads.Where((_, i) => i % 2 == 1)).Order(), ids.Order());
    }

    [Fact]
    public async Task Filter_gt_ge_lt_le_compare_numbers()
    {
        // numberofemployees is i * 10 for Contoso lead i.
        Assert.Equal(Of(_f.ContosoLeads.Skip(10)).Order(), (await Ids("numberofemployees gt 90")).Order());
        Assert.Equal(Of(_f.ContosoLeads.Skip(9)).Order(), (await Ids("numberofemployees ge 90")).Order());
        Assert.Equal(Of(_f.ContosoLeads.Take(2)).Order(), (await Ids("numberofemployees lt 20")).Order());
        Assert.Equal(Of(_f.ContosoLeads.Take(3)).Order(), (await Ids("numberofemployees le 20")).Order());
    }

    [Fact]
    public async Task Filter_and_or_not_with_parentheses_follow_precedence()
    {
        // not binds tighter than and, and tighter than or: Fabrikam's leads, plus Contoso's first two.
        var ids = await Ids($"_parentaccountid_value eq {_f.Fabrikam} or (numberofemployees lt 20 and not (lastname eq 'Zed'))");
        Assert.Equal(Of(_f.FabrikamLeads.Concat(_f.ContosoLeads.Take(2))).Order(), ids.Order());
        var negated = await Ids($"not (_parentaccountid_value eq {_f.Contoso} or _parentaccountid_value eq null)");
        Assert.Equal(Of(_f.FabrikamLeads).Order(), negated.Order());
    }

    [Fact]
    public async Task Filter_contains_startswith_endswith_match_text()
    {
        Assert.Equal(Of(_f.FabrikamLeads).Order(), (await Ids("contains(emailaddress1,'@fabrikam')")).Order());
        Assert.Equal(Of(_f.ContosoLeads.Take(10)).Order(), (await Ids("startswith(firstname,'Ann0')")).Order());
        Assert.Equal(Of(new[] { _f.FabrikamLeads[0] }), await Ids("endswith(firstname,'ed')"));
        var notStarting = await Ids("not startswith(firstname,'Ann0')");
        Assert.Superset(Of(_f.ContosoLeads.Skip(10).Concat(_f.FabrikamLeads)).ToHashSet(), notStarting.ToHashSet());
        Assert.DoesNotContain(_f.ContosoLeads[0].ToString(), notStarting);
    }

    [Fact]
    public async Task Filter_eq_null_and_ne_null_test_for_empty_columns()
    {
        Assert.Equal(Of(new[] { _f.OrphanLead }), await Ids("_parentaccountid_value eq null"));
        Assert.Equal(Of(new[] { _f.ContosoLeads[3] }), await Ids($"jobtitle eq null and _parentaccountid_value eq {_f.Contoso}"));
        Assert.Equal(11, (await Ids("jobtitle ne null")).Count);
    }

    [Fact]
    public async Task Filter_on_dates_compares_createdon()
    {
        // Contoso lead i was created on 2025-01-(2+i) 09:00 UTC.
        Assert.Equal(Of(_f.ContosoLeads.Take(2)).Order(), (await Ids("createdon lt 2025-01-04")).Order());
        Assert.Equal(Of(_f.ContosoLeads.Take(3)).Order(), (await Ids("createdon le 2025-01-04T09:00:00Z")).Order());
    }

    [Fact]
    public async Task Filter_on_guid_and_boolean_columns()
    {
        Assert.Equal(Of(new[] { _f.ContosoLeads[5] }), await Ids($"leadid eq {_f.ContosoLeads[5]}"));
        var users = await _f.GetAsync("systemusers?$select=fullname&$filter=" + Uri.EscapeDataString("isdisabled eq false and lastname eq 'Caller'"));
        Assert.Equal(new string?[] { _f.CallerId.ToString() }, users.Column("systemuserid"));
    }

    [Fact]
    public async Task Filter_on_choice_column_uses_its_number()
    {
        // leadsourcecode 8 (Web) for i % 3 == 0.
        Assert.Equal(Of(_f.ContosoLeads.Where((_, i) => i % 3 == 0)).Order(), (await Ids("leadsourcecode eq 8")).Order());
    }

    [Fact]
    public async Task Filter_literal_of_the_wrong_type_returns_400()
    {
        var reply = await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString("lastname eq 5"));
        Assert.Equal(400, reply.Status);
        Assert.Contains("incompatible types", reply.ErrorMessage);
        Assert.Equal(400, (await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString($"_parentaccountid_value eq '{_f.Contoso}'"))).Status);
    }

    [Fact]
    public async Task Filter_syntax_error_returns_400_with_position()
    {
        var reply = await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString("lastname eq 'Lee' and"));
        Assert.Equal(400, reply.Status);
        Assert.Equal("0x80060888", reply.ErrorCode);
        Assert.Contains("position", reply.ErrorMessage);
        Assert.Equal(400, (await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString("lastname eq 'unterminated"))).Status);
    }

    [Fact]
    public async Task Filter_unknown_column_returns_400()
    {
        var reply = await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString("nosuchcolumn eq 1"));
        Assert.Equal(400, reply.Status);
        Assert.Contains("Could not find a property named 'nosuchcolumn'", reply.ErrorMessage);
    }

    [Fact]
    public async Task Unsupported_filter_functions_return_501_naming_them()
    {
        var today = await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString("Microsoft.Dynamics.CRM.Today(PropertyName='createdon')"));
        Assert.Equal(501, today.Status);
        Assert.Contains("Microsoft.Dynamics.CRM.Today", today.ErrorMessage);
        var lower = await _f.GetAsync("leads?$filter=" + Uri.EscapeDataString("tolower(lastname) eq 'lee'"));
        Assert.Equal(501, lower.Status);
        Assert.Contains("tolower", lower.ErrorMessage);
    }
}
