using AdoptionCrm.Emulator;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>Projects the organization's state after a replay onto simulate's JSON contract.</summary>
public static class ResultReader
{
    public static SimulationResult Read(EmulatedOrganization org, IReadOnlyList<(SignupInput Signup, Guid LeadId)> created, IReadOnlyList<int> callsPerCreate)
    {
        var snapshot = OrganizationSnapshot.Read(org, created);
        var accounts = snapshot.Accounts.Select(a => new AccountResult(a.Name, a.Domains, a.Owner, a.Adopters, a.Score, a.Stage, a.AutoCreated, a.Explanation, a.AsOf, a.StageLabel)).ToList();
        var leads = snapshot.Leads.Select(l => new LeadResult(l.Signup.Email, l.Domain, l.Account, l.Outcome)).ToList();
        var tasks = snapshot.Tasks.Select(t => new TaskResult(t.Account, t.Stage, t.Owner, t.Subject, t.Due, t.StageLabel, t.State, t.Priority, t.Champion, t.ChampionReason, t.Description)).ToList();
        return new SimulationResult(accounts, leads, tasks, new SimulationStats(created.Count, CallStatsOf(callsPerCreate)),
            CompanyReader.Read(org.SystemService), org.Clock.UtcNow);
    }

    public static CallStats CallStatsOf(IReadOnlyList<int> callsPerCreate) =>
        new(callsPerCreate.Count == 0 ? 0 : Math.Round(callsPerCreate.Average(), 2), callsPerCreate.DefaultIfEmpty().Max());
}
