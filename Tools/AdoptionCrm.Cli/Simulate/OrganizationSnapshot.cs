using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// What the engine left in the organization after a replay (accounts with their domains, the
/// replayed leads, tasks), read from the emulator's rows, not from what the replay expected.
/// simulate projects it onto its contract; demo prints and serialises it with ids.
/// </summary>
public sealed record OrganizationSnapshot(IReadOnlyList<SnapshotAccount> Accounts, IReadOnlyList<SnapshotLead> Leads, IReadOnlyList<SnapshotTask> Tasks)
{
    public static OrganizationSnapshot Read(EmulatedOrganization org, IReadOnlyList<(SignupInput Signup, Guid LeadId)> created)
    {
        var service = org.SystemService;
        var owners = OwnerNames(service);
        var accountRows = QueryAll.Rows(service, AccountColumns.EntityName, AccountColumns.Name, AccountColumns.OwnerId, AccountColumns.AdopterCount,
            AccountColumns.AdoptionScore, AccountColumns.AdoptionStage, AccountColumns.AutoCreated, AccountColumns.ScoreExplanation, AccountColumns.ScoredOn);
        var accountNames = accountRows.ToDictionary(a => a.Id, a => a.GetAttributeValue<string>(AccountColumns.Name));
        var domains = QueryAll.Rows(service, AccountDomainColumns.EntityName, AccountDomainColumns.Name, AccountDomainColumns.AccountId, AccountDomainColumns.IsPrimary)
            .Where(d => d.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId) != null)
            .GroupBy(d => d.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId).Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderByDescending(d => d.GetAttributeValue<bool?>(AccountDomainColumns.IsPrimary) == true)
                .Select(d => d.GetAttributeValue<string>(AccountDomainColumns.Name)).Distinct().ToList());

        var accounts = accountRows.Select(a => new SnapshotAccount(a.Id,
            a.GetAttributeValue<string>(AccountColumns.Name),
            domains.TryGetValue(a.Id, out var list) ? list : Array.Empty<string>(),
            NameOf(owners, a.GetAttributeValue<EntityReference>(AccountColumns.OwnerId)),
            a.GetAttributeValue<int?>(AccountColumns.AdopterCount) ?? 0,
            a.GetAttributeValue<int?>(AccountColumns.AdoptionScore) ?? 0,
            ContractNames.Stage(a.GetAttributeValue<OptionSetValue>(AccountColumns.AdoptionStage)?.Value),
            a.GetAttributeValue<bool?>(AccountColumns.AutoCreated) == true,
            a.GetAttributeValue<string>(AccountColumns.ScoreExplanation),
            a.GetAttributeValue<DateTime?>(AccountColumns.ScoredOn))).ToList();

        var leadRows = QueryAll.RowsInKeyOrder(service, LeadColumns.EntityName, LeadColumns.Id, LeadColumns.EmailDomain, LeadColumns.ParentAccountId, LeadColumns.MatchOutcome, LeadColumns.MatchExplanation)
            .ToDictionary(l => l.Id);
        var leads = created.Select(c =>
        {
            var row = leadRows[c.LeadId];
            var parent = row.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            return new SnapshotLead(c.LeadId, c.Signup, row.GetAttributeValue<string>(LeadColumns.EmailDomain), parent?.Id,
                parent != null && accountNames.TryGetValue(parent.Id, out var name) ? name : null,
                ContractNames.Outcome(row.GetAttributeValue<OptionSetValue>(LeadColumns.MatchOutcome)?.Value),
                row.GetAttributeValue<string>(LeadColumns.MatchExplanation));
        }).ToList();

        // Tasks in the order they were created (the emulator returns rows in insertion order), which is
        // the signups' order; sorting by createdon would reorder them when a file is not chronological.
        // The stage and the champion are the task's own columns, never read back out of its text.
        var tasks = QueryAll.Rows(service, TaskColumns.EntityName, TaskColumns.Subject, TaskColumns.Description, TaskColumns.RegardingObjectId, TaskColumns.OwnerId,
                TaskColumns.ScheduledEnd, TaskColumns.StateCode, TaskColumns.PriorityCode, TaskColumns.AdoptionStage, TaskColumns.Champion, TaskColumns.ChampionReason)
            .Select(t =>
            {
                var regarding = t.GetAttributeValue<EntityReference>(TaskColumns.RegardingObjectId);
                var account = regarding != null && accountNames.TryGetValue(regarding.Id, out var name) ? name : null;
                var due = t.GetAttributeValue<DateTime?>(TaskColumns.ScheduledEnd);
                var state = t.GetAttributeValue<OptionSetValue>(TaskColumns.StateCode)?.Value ?? TaskColumns.StateOpen;
                var stage = t.GetAttributeValue<OptionSetValue>(TaskColumns.AdoptionStage)?.Value;
                return new SnapshotTask(t.Id, regarding?.Id, account, ContractNames.Stage(stage), ContractNames.StageLabel(stage),
                    NameOf(owners, t.GetAttributeValue<EntityReference>(TaskColumns.OwnerId)),
                    t.GetAttributeValue<string>(TaskColumns.Subject) ?? "", due is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null, state == TaskColumns.StateOpen,
                    ContractNames.TaskState(state), ContractNames.Priority(t.GetAttributeValue<OptionSetValue>(TaskColumns.PriorityCode)?.Value),
                    t.GetAttributeValue<string>(TaskColumns.Champion), t.GetAttributeValue<string>(TaskColumns.ChampionReason),
                    t.GetAttributeValue<string>(TaskColumns.Description) ?? "");
            }).ToList();
        return new OrganizationSnapshot(accounts, leads, tasks);
    }

    private static Dictionary<Guid, string> OwnerNames(IOrganizationService service)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var u in QueryAll.Rows(service, SystemUserColumns.EntityName, "fullname")) names[u.Id] = u.GetAttributeValue<string>("fullname");
        foreach (var t in QueryAll.Rows(service, OwnerTables.Team, "name")) names[t.Id] = t.GetAttributeValue<string>("name");
        foreach (var q in QueryAll.Rows(service, OwnerTables.Queue, "name")) names[q.Id] = q.GetAttributeValue<string>("name");
        return names;
    }

    private static string? NameOf(Dictionary<Guid, string> names, EntityReference? reference) =>
        reference == null ? null : names.TryGetValue(reference.Id, out var name) ? name : reference.Name;
}

public sealed record SnapshotAccount(Guid Id, string Name, IReadOnlyList<string> Domains, string? Owner, int Adopters, int Score, string Stage, bool AutoCreated,
    string? Explanation = null, DateTime? AsOf = null)
{
    /// <summary>The stage as people read it ("Enterprise-ready"); Stage is the contract's name.</summary>
    public string StageLabel => ContractNames.StageLabel(Stage);
}

public sealed record SnapshotLead(Guid Id, SignupInput Signup, string? Domain, Guid? AccountId, string? Account, string Outcome, string? Why);

public sealed record SnapshotTask(Guid Id, Guid? AccountId, string? Account, string Stage, string StageLabel, string? Owner, string Subject, DateTime? Due, bool Open,
    string State, string Priority, string? Champion, string? ChampionReason, string Description);
