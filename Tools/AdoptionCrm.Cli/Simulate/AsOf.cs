using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Steps;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// simulate --as-of DATE: after the replay the clock moves on to DATE with the solution's scheduled flows
/// turned on (as an admin turns them on after install), so the daily recompute runs on every day in between
/// as it would in Dataverse. Then the whole organization is recomputed at DATE (adopt_Rebuild, Scope organization,
/// looped on its cookie): the daily pass leaves alone what counts nobody any more, so without this an account
/// emptied in March would still read "as of March".
/// </summary>
public static class AsOf
{
    public static void MoveTo(EmulatedOrganization org, DateTime asOfUtc)
    {
        asOfUtc = DateTime.SpecifyKind(asOfUtc, DateTimeKind.Utc);
        if (asOfUtc < org.Clock.UtcNow)
            throw new InvalidDataException($"--as-of {asOfUtc:yyyy-MM-dd HH:mm}Z is before the last signup ({org.Clock.UtcNow:yyyy-MM-dd HH:mm}Z)");
        org.DrainAsyncQueue();
        // The backfill's continuation flow is left off: it has no run to go on with here, and every 15 minutes
        // over months of simulated time it would only cost calls.
        foreach (var flow in org.Flows.Scheduled.Where(f => f.Name != BackfillPlugin.ContinuationFlowName)) org.Flows.TurnOn(flow.Name);
        org.AdvanceClock(asOfUtc - org.Clock.UtcNow);
        var failed = org.Flows.Runs.FirstOrDefault(r => r.Status != "Succeeded");
        if (failed != null) throw new InvalidOperationException($"the scheduled flow {failed.Flow} failed on {failed.ScheduledUtc:yyyy-MM-dd}: {failed.Error}");
        string? cookie = null;
        do
        {
            var request = new OrganizationRequest(RebuildPlugin.MessageName) { [RebuildPlugin.ScopeParameter] = RebuildScope.Organization };
            if (cookie != null) request[RebuildPlugin.CookieParameter] = cookie;
            var response = org.SystemService.Execute(request);
            cookie = response.Results.TryGetValue(RebuildPlugin.CookieParameter, out var next) ? next as string : null;
            org.DrainAsyncQueue();
        } while (!string.IsNullOrEmpty(cookie));
    }
}
