using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// A big company made fast: leads written with the plug-ins off, carrying the linking columns the linking
/// step writes, then adopters, company and account built by adopt_Rebuild with the plug-ins on. The two
/// halves are what make the seeded state the incremental path's: the linking columns are copied from a lead
/// of the same company created through the plug-ins (every seeded lead has the same company domain, claims
/// and settings, so the linker decides the same; only the normalised email differs, and the bench's emails
/// are already lower-case ASCII), and the rebuild produces what the incremental path produces (the engine's
/// property test; <c>EngineSeedingTests</c> checks it again for this seeding).
/// </summary>
public static class EngineSeeding
{
    /// <summary>The seeded signups span the last 50 days: all inside the default 60-day window, so every person counts.</summary>
    public static readonly TimeSpan SeedSpan = TimeSpan.FromDays(50);

    private static readonly string[] LinkingColumns =
        { LeadColumns.EmailDomain, LeadColumns.MatchOutcome, LeadColumns.MatchMethod, LeadColumns.MatchExplanation };

    /// <summary>
    /// A company of <paramref name="people"/> at <paramref name="domain"/>, claimed by <paramref name="account"/>, in an
    /// organization without plug-ins: all leads but the last written directly, the plug-ins registered, the last
    /// lead created through them (so the company row exists with its account, as the incremental path makes it),
    /// then adopt_Rebuild of the account builds every adopter and the company's and account's counts from the leads.
    /// </summary>
    public static void SeedCompany(EmulatedOrganization org, string domain, Guid account, int people)
    {
        var end = org.Clock.UtcNow;
        var linking = LinkingOf(domain);
        WriteLeads(org, linking, domain, account, people - 1, count: people);
        BenchOrganizations.RegisterPlugins(org);
        org.SystemService.Create(BenchOrganizations.Lead(people - 1, domain));
        org.DrainAsyncQueue();
        Rebuild(org, RebuildScope.Account, account);
    }

    /// <summary>When seeded signup i of n happens: evenly over <see cref="SeedSpan"/>, the last one at <paramref name="end"/> (so a rebuild then is as of the last signup, as the incremental path is).</summary>
    public static DateTime SignupTime(DateTime end, int i, int n) =>
        n <= 1 ? end : end - SeedSpan + TimeSpan.FromTicks(SeedSpan.Ticks / (n - 1) * i);

    /// <summary>The linking columns the plug-ins write on a signup at <paramref name="domain"/> claimed by an account (read from a throw-away organization).</summary>
    public static Entity LinkingOf(string domain)
    {
        var org = BenchOrganizations.New(withPlugins: true);
        BenchAccounts.Create(org, 1);
        var id = org.SystemService.Create(BenchOrganizations.Lead(0, domain));
        return org.SystemService.Retrieve(LeadColumns.EntityName, id, new ColumnSet(LinkingColumns));
    }

    /// <summary>
    /// Writes <paramref name="people"/> leads (the first of <paramref name="count"/>, when given) of company <paramref name="domain"/>, person i at index i, linked to
    /// <paramref name="account"/> (null: none), at <see cref="SignupTime"/> up to the clock, with
    /// the plug-ins off (the organization must have none registered yet). Leaves the clock where it was.
    /// </summary>
    public static void WriteLeads(EmulatedOrganization org, Entity linking, string domain, Guid? account, int people, int firstPerson = 0, int? count = null)
    {
        var end = org.Clock.UtcNow;
        for (var i = 0; i < people; i++)
        {
            org.Clock.Set(SignupTime(end, i, count ?? people));
            var person = firstPerson + i;
            var lead = BenchOrganizations.Lead(person, domain);
            foreach (var column in LinkingColumns)
                if (linking.Contains(column)) lead[column] = linking[column];
            lead[LeadColumns.NormalizedEmail] = $"person{person}@{domain}";
            if (account != null) lead[LeadColumns.ParentAccountId] = new EntityReference(AccountColumns.EntityName, account.Value);
            org.SystemService.Create(lead);
        }
        org.Clock.Set(end);
    }

    /// <summary>
    /// The same linking for another claimed domain of the same kind (an account's primary domain, default
    /// settings): the domain column and the domain named in the explanation change, nothing else.
    /// </summary>
    public static Entity ForDomain(Entity linking, string fromDomain, string toDomain)
    {
        var copy = new Entity(LeadColumns.EntityName);
        foreach (var (column, value) in linking.Attributes)
            copy[column] = value is string text ? text.Replace(fromDomain, toDomain, StringComparison.Ordinal) : value;
        return copy;
    }

    /// <summary>Runs adopt_Rebuild for the scope until its cookie says done, draining the async queue after each execution; returns the leads it processed.</summary>
    public static int Rebuild(EmulatedOrganization org, string scope, Guid? recordId)
    {
        var processed = 0;
        string? cookie = null;
        do
        {
            var step = RebuildOnce(org, scope, recordId, cookie);
            processed += step.Processed;
            cookie = step.Cookie;
        } while (cookie != null);
        return processed;
    }

    /// <summary>One execution of adopt_Rebuild, then the async jobs it queued.</summary>
    public static (int Processed, string? Cookie) RebuildOnce(EmulatedOrganization org, string scope, Guid? recordId, string? cookie)
    {
        var request = new OrganizationRequest(RebuildPlugin.MessageName) { [RebuildPlugin.ScopeParameter] = scope };
        if (recordId != null) request[RebuildPlugin.RecordIdParameter] = recordId.Value;
        if (cookie != null) request[RebuildPlugin.CookieParameter] = cookie;
        var response = org.SystemService.Execute(request);
        org.DrainAsyncQueue();
        var next = response.Results.Contains(RebuildPlugin.CookieParameter) ? response[RebuildPlugin.CookieParameter] as string : null;
        return ((int)response[RebuildPlugin.ProcessedProperty], next);
    }
}
