using AdoptionCrm.Solution.Model;
using static AdoptionCrm.Emulator.Metadata.ColumnFactory;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// The platform tables our code touches, defined in code from dataverse-facts.md §5 (no live org,
/// no early-bound reflection). Solution columns added to these tables are merged on top.
/// </summary>
public static class StandardTables
{
    public static IReadOnlyList<TableDefinition> All { get; } = new[]
    {
        Table("account", "accountid", "name", OwnershipType.UserOwned,
            Text("name", 160), Text("websiteurl", 200), Text("emailaddress1", 100), Text("accountnumber", 20),
            Lookup("primarycontactid", "contact"), Lookup("parentaccountid", "account"),
            Int("numberofemployees", 0, 1_000_000_000), MoneyColumn("revenue"), Memo("description", 2000), Lookup("originatingleadid", "lead"),
            Lookup("masterid", "account") with { IsValidForCreate = false, IsValidForUpdate = false },
            State((0, "Active"), (1, "Inactive")),
            Status((1, "Active", 0), (2, "Inactive", 1))),
        Table("lead", "leadid", "fullname", OwnershipType.UserOwned,
            Text("emailaddress1", 100), Text("firstname", 50), Text("lastname", 50),
            Text("fullname", 160) with { IsValidForCreate = false, IsValidForUpdate = false },
            Text("companyname", 100), Text("jobtitle", 100), Text("subject", 300), Text("websiteurl", 200),
            Memo("description", 2000), Lookup("parentaccountid", "account"), Lookup("parentcontactid", "contact"),
            Customer("customerid"), Int("numberofemployees", 0, 1_000_000), Lookup("qualifyingopportunityid", "opportunity"),
            Lookup("masterid", "lead") with { IsValidForCreate = false, IsValidForUpdate = false },
            Choice("leadqualitycode", 2, (1, "Hot"), (2, "Warm"), (3, "Cold")),
            Choice("leadsourcecode", null, (1, "Advertisement"), (2, "Employee Referral"), (3, "External Referral"), (4, "Partner"),
                (5, "Public Relations"), (6, "Seminar"), (7, "Trade Show"), (8, "Web"), (9, "Word of Mouth"), (10, "Other")),
            State((0, "Open"), (1, "Qualified"), (2, "Disqualified")),
            Status((1, "New", 0), (2, "Contacted", 0), (3, "Qualified", 1), (4, "Lost", 2), (5, "Cannot Contact", 2),
                (6, "No Longer Interested", 2), (7, "Canceled", 2))),
        Table("contact", "contactid", "fullname", OwnershipType.UserOwned,
            Text("firstname", 50), Text("lastname", 50), Text("fullname", 160) with { IsValidForCreate = false, IsValidForUpdate = false },
            Text("emailaddress1", 100), Text("jobtitle", 100), Customer("parentcustomerid"), Lookup("originatingleadid", "lead"),
            State((0, "Active"), (1, "Inactive")), Status((1, "Active", 0), (2, "Inactive", 1))),
        // QualifyLead's opportunity (learn.microsoft.com dynamics365 opportunity reference), the columns it sets.
        Table("opportunity", "opportunityid", "name", OwnershipType.UserOwned,
            Text("name", 300), Customer("customerid"), Lookup("parentaccountid", "account"), Lookup("parentcontactid", "contact"),
            Lookup("originatingleadid", "lead"), MoneyColumn("estimatedvalue"),
            State((0, "Open"), (1, "Won"), (2, "Lost")),
            Status((1, "In Progress", 0), (2, "On Hold", 0), (3, "Won", 1), (4, "Canceled", 2), (5, "Out-Sold", 2))),
        Table("task", "activityid", "subject", OwnershipType.UserOwned,
            Text("subject", 200), Memo("description", 2000), Lookup("regardingobjectid", "account", "contact", "lead"),
            Date("scheduledend"), Date("actualend"), Int("percentcomplete", 0, 100),
            Choice("prioritycode", 1, (0, "Low"), (1, "Normal"), (2, "High")),
            State((0, "Open"), (1, "Completed"), (2, "Canceled")),
            Status((2, "Not Started", 0), (3, "In Progress", 0), (4, "Waiting on someone else", 0), (7, "Deferred", 0),
                (5, "Completed", 1), (6, "Canceled", 2))),
        Table("systemuser", "systemuserid", "fullname", OwnershipType.None,
            Text("fullname", 200) with { IsValidForCreate = false, IsValidForUpdate = false },
            Text("firstname", 64), Text("lastname", 64), Text("internalemailaddress", 100), Text("domainname", 1024),
            Bool("isdisabled"), Lookup("businessunitid", "businessunit") with { RequiredLevel = RequiredLevel.SystemRequired }),
        Table("team", "teamid", "name", OwnershipType.None,
            Text("name", 160, RequiredLevel.SystemRequired), Lookup("businessunitid", "businessunit") with { RequiredLevel = RequiredLevel.SystemRequired },
            Choice("teamtype", 0, (0, "Owner"), (1, "Access"), (2, "Security Group"), (3, "Office Group"))),
        Table("queue", "queueid", "name", OwnershipType.UserOwned,
            Text("name", 400, RequiredLevel.SystemRequired), Text("emailaddress", 100)),
        // AddToQueue's row: which record sits in which queue (Target → objectid, DestinationQueueId → queueid).
        Table("queueitem", "queueitemid", "title", OwnershipType.None,
            Text("title", 300), Lookup("queueid", "queue") with { RequiredLevel = RequiredLevel.SystemRequired },
            Lookup("objectid", "task", "lead", "account", "contact") with { RequiredLevel = RequiredLevel.SystemRequired },
            State((0, "Active"), (1, "Inactive")), Status((1, "Active", 0), (2, "Inactive", 1))),
        Table("businessunit", "businessunitid", "name", OwnershipType.None,
            Text("name", 160, RequiredLevel.SystemRequired), Lookup("parentbusinessunitid", "businessunit")),
    };
}
