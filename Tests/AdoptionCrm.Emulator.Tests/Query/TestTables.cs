using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>Small account / contact / lead metadata for the query tests.</summary>
public static class TestTables
{
    public static readonly Guid Caller = new("11111111-1111-1111-1111-111111111111");
    public static readonly DateTime Now = new(2025, 3, 15, 12, 0, 0, DateTimeKind.Utc);

    public static TableDefinition Account() => Table("account", "name",
        new ColumnDefinition("accountid", ColumnType.PrimaryKey),
        new ColumnDefinition("name", ColumnType.String) { MaxLength = 160 },
        new ColumnDefinition("accountnumber", ColumnType.String),
        new ColumnDefinition("numberofemployees", ColumnType.Integer),
        new ColumnDefinition("revenue", ColumnType.Money) { Precision = 2 },
        new ColumnDefinition("industrycode", ColumnType.Picklist)
        {
            Options = new[] { new OptionDefinition(1, "Zebra farming"), new OptionDefinition(2, "Accounting"), new OptionDefinition(3, "Mining") },
        },
        new ColumnDefinition("donotemail", ColumnType.Boolean),
        new ColumnDefinition("primarycontactid", ColumnType.Lookup) { Targets = new[] { "contact" } },
        new ColumnDefinition("ownerid", ColumnType.Owner) { Targets = new[] { "systemuser" } },
        new ColumnDefinition("createdon", ColumnType.DateTime));

    public static TableDefinition Contact() => Table("contact", "fullname",
        new ColumnDefinition("contactid", ColumnType.PrimaryKey),
        new ColumnDefinition("fullname", ColumnType.String),
        new ColumnDefinition("emailaddress1", ColumnType.String),
        new ColumnDefinition("parentcustomerid", ColumnType.Customer) { Targets = new[] { "account", "contact" } });

    public static TableDefinition Lead() => Table("lead", "subject",
        new ColumnDefinition("leadid", ColumnType.PrimaryKey),
        new ColumnDefinition("subject", ColumnType.String),
        new ColumnDefinition("estimatedvalue", ColumnType.Money),
        new ColumnDefinition("parentaccountid", ColumnType.Lookup) { Targets = new[] { "account" } },
        new ColumnDefinition("createdon", ColumnType.DateTime));

    public static InMemoryQuerySource Source() => new(Account(), Contact(), Lead());

    public static QueryContext Context() => new(Caller, Now);

    private static TableDefinition Table(string name, string primaryName, params ColumnDefinition[] columns) => new(name)
    {
        PrimaryNameAttribute = primaryName,
        Columns = columns.ToDictionary(c => c.LogicalName),
    };
}
