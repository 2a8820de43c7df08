using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>The bytes the call budget counts: text as UTF-8, ids and lookups as 16, numbers and dates at their width, each column name once, 16 per row.</summary>
public class PayloadSizeTests
{
    private static Entity Row() => new("lead", Guid.NewGuid())
    {
        ["lastname"] = "Lée",                                     // 8 + 4 (é is two UTF-8 bytes)
        ["parentaccountid"] = new EntityReference("account", Guid.NewGuid()), // 15 + 16
        ["numberofemployees"] = 5,                                // 17 + 4
        ["createdon"] = DateTime.UtcNow,                          // 9 + 8
        ["donotemail"] = true,                                    // 10 + 1
        ["description"] = null,                                   // 11 + 0
    };

    private const long RowSize = 16 + 12 + 31 + 21 + 17 + 11 + 11;

    [Fact]
    public void A_row_is_its_id_its_column_names_and_its_values()
    {
        Assert.Equal(RowSize, PayloadSize.Of(Row()));
        Assert.Equal(0, PayloadSize.Of((Entity?)null));
        Assert.Equal(16 + 8 + 4, PayloadSize.Of(new Entity("x") { ["a.column"] = new AliasedValue("lead", "lastname", "Lee1") }));
    }

    [Fact]
    public void Requests_count_their_entities_and_responses_their_rows()
    {
        Assert.Equal(RowSize, PayloadSize.Sent(new CreateRequest { Target = Row() }));
        var many = new EntityCollection(new List<Entity> { Row(), Row(), Row() });
        Assert.Equal(3 * RowSize, PayloadSize.Sent(new OrganizationRequest("CreateMultiple") { Parameters = { ["Targets"] = many, ["Other"] = "not counted" } }));
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = many;
        Assert.Equal(3 * RowSize, PayloadSize.Received(response));
        Assert.Equal(0, PayloadSize.Sent(null));
        var images = new EntityImageCollection { ["pre"] = Row(), ["post"] = Row() };
        Assert.Equal(2 * RowSize, PayloadSize.Of(images));
    }
}
