using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Tests;

/// <summary>
/// An organization as the install backfill finds it, seeded the same way with or without the product's plug-ins
/// (fixed ids, so two organizations can be compared row by row): accounts with and without websites, one with a
/// manual domain row besides its website, one with contacts only, and leads at those domains, at free mail, at a company with no
/// account, with a bad or no email, and one whose account a person set before install.
/// </summary>
public static class BackfillSeed
{
    public static readonly Guid Contoso = Id("account", 1), Fabrikam = Id("account", 2), Tailspin = Id("account", 3), Northwind = Id("account", 4),
        NoSite = Id("account", 5), BadSite = Id("account", 6);

    /// <summary>A lead at contoso.com whose account (Fabrikam) a person set before install: kept, Manual.</summary>
    public static readonly Guid HandLinkedLead = Id("lead", 1000);

    public static Guid Id(string kind, int n) => new($"{(kind == "account" ? "a" : kind == "lead" ? "b" : "c")}0000000-0000-0000-0000-{n:D12}");

    public static void Seed(IOrganizationService service, int leadsPerCompany = 4)
    {
        Account(service, Contoso, "Contoso", "https://www.Contoso.com/about");
        Account(service, Fabrikam, "Fabrikam", "fabrikam.com");
        Account(service, Tailspin, "Tailspin", "http://tailspin.com");
        Account(service, Northwind, "Northwind", null);
        Account(service, NoSite, "No site", null);
        Account(service, BadSite, "Bad site", "not a website");
        service.Create(new Entity(AccountDomainColumns.EntityName)
        {
            [AccountDomainColumns.Name] = "tailspintoys.com", [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, Tailspin),
            [AccountDomainColumns.IsPrimary] = true, [AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Manual),
        });
        Contact(service, 1, "ops@northwind.com", Northwind);
        Contact(service, 2, "jane@gmail.com", Northwind);
        var n = 0;
        foreach (var domain in new[] { "contoso.com", "eu.contoso.com", "fabrikam.com", "tailspin.com", "tailspintoys.com", "northwind.com", "acmerobotics.com" })
            for (var i = 0; i < leadsPerCompany; i++)
                Lead(service, ++n, $"person{i}@{domain}");
        Lead(service, ++n, "someone@gmail.com");
        Lead(service, ++n, "not an email");
        Lead(service, ++n, null);
        Lead(service, ++n, "Person0@CONTOSO.com"); // the same person as person0@contoso.com, signing up again
        service.Create(new Entity(LeadColumns.EntityName, HandLinkedLead)
        {
            [LeadColumns.LastName] = "Hand linked", [LeadColumns.EmailAddress1] = "hand@contoso.com",
            [LeadColumns.ParentAccountId] = new EntityReference(AccountColumns.EntityName, Fabrikam),
        });
    }

    private static void Account(IOrganizationService service, Guid id, string name, string? website)
    {
        var row = new Entity(AccountColumns.EntityName, id) { [AccountColumns.Name] = name };
        if (website != null) row[AccountColumns.WebsiteUrl] = website;
        service.Create(row);
    }

    private static void Contact(IOrganizationService service, int n, string email, Guid account) =>
        service.Create(new Entity(ContactColumns.EntityName, Id("contact", n))
        {
            ["lastname"] = "Contact " + n, [ContactColumns.EmailAddress1] = email,
            [ContactColumns.ParentCustomerId] = new EntityReference(AccountColumns.EntityName, account),
        });

    private static void Lead(IOrganizationService service, int n, string? email)
    {
        var row = new Entity(LeadColumns.EntityName, Id("lead", n)) { [LeadColumns.LastName] = "Person " + n };
        if (email != null) row[LeadColumns.EmailAddress1] = email;
        service.Create(row);
    }

    /// <summary>The product's tables (and the leads' and accounts' engine columns) as comparable text, row by row.</summary>
    public static SortedDictionary<string, string> Picture(EmulatedOrganization org, bool withDomainRowIds = false)
    {
        var picture = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var service = org.SystemService;
        void Add(string table, string[] columns, Func<Entity, string> key)
        {
            foreach (var row in service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns) }).Entities)
                picture[table + " " + key(row)] = string.Join("; ", columns.Select(c => c + "=" + Text(row.Contains(c) ? row[c] : null)));
        }
        Add(LeadColumns.EntityName, new[] { LeadColumns.ParentAccountId, LeadColumns.MatchMethod, LeadColumns.MatchOutcome, LeadColumns.NormalizedEmail,
            LeadColumns.EmailDomain, LeadColumns.MatchExplanation }, r => r.Id.ToString());
        Add(AccountDomainColumns.EntityName, new[] { AccountDomainColumns.Name, AccountDomainColumns.AccountId, AccountDomainColumns.Source, AccountDomainColumns.IsPrimary },
            r => (withDomainRowIds ? r.Id + " " : "") + r.GetAttributeValue<string>(AccountDomainColumns.Name) + " " + r.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId)?.Id);
        Add(AdopterColumns.EntityName, new[] { AdopterColumns.Email, AdopterColumns.Signups, AdopterColumns.FirstSignupOn, AdopterColumns.LastSignupOn,
            AdopterColumns.LatestLeadId, AdopterColumns.CompanyId, AdopterColumns.AccountId, AdopterColumns.Counted, AdopterColumns.SignupList }, r => r.Id.ToString());
        Add(CompanyColumns.EntityName, new[] { CompanyColumns.Name, CompanyColumns.People, CompanyColumns.Score, CompanyColumns.Stage, CompanyColumns.Explanation,
            CompanyColumns.AccountId, CompanyColumns.CountedAccountId, CompanyColumns.Buckets }, r => r.Id.ToString());
        Add(AccountColumns.EntityName, new[] { AccountColumns.AdopterCount, AccountColumns.AdoptionScore, AccountColumns.AdoptionStage, AccountColumns.ScoreExplanation,
            AccountColumns.AdoptionBuckets }, r => r.Id.ToString());
        return picture;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        EntityReference r => r.LogicalName + ":" + r.Id,
        OptionSetValue o => o.Value.ToString(),
        DateTime d => d.ToString("O"),
        _ => value.ToString() ?? "",
    };
}
