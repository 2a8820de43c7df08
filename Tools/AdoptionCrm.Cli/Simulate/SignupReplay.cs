using System.ServiceModel;
using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// Replays signups as lead Creates through the full pipeline, one at a time in the order given, with
/// the emulator's clock set to each signup's createdon. Counts the service calls our plugins make for
/// each create (the emulator's per-request log). A create the organization refuses is reported by its
/// line and skipped; the replay goes on.
/// </summary>
public sealed class SignupReplay
{
    private readonly EmulatedOrganization _org;
    private readonly List<int> _callsPerCreate = new();

    public SignupReplay(EmulatedOrganization org) => _org = org;

    /// <summary>Lead ids in the order created, each with the signup it came from.</summary>
    public List<(SignupInput Signup, Guid LeadId)> Created { get; } = new();

    public IReadOnlyList<int> CallsPerCreate => _callsPerCreate;

    public bool Replay(SignupInput signup, string file, List<InputProblem> problems)
    {
        MoveClockTo(signup.CreatedOnUtc);
        // The log is per create: cleared before, read after, so it never grows with the run.
        _org.Log.Clear();
        try
        {
            var id = _org.SystemService.Create(ToLead(signup));
            Created.Add((signup, id));
            _callsPerCreate.Add(_org.Log.ServiceCalls.Count);
            // The engine's asynchronous steps run after the commit, as in Dataverse; the replay waits for them.
            _org.DrainAsyncQueue();
            return true;
        }
        catch (Exception e) when (e is FaultException<OrganizationServiceFault> or InvalidPluginExecutionException)
        {
            problems.Add(new InputProblem(file, signup.Line, "lead refused: " + e.Message));
            return false;
        }
    }

    /// <summary>
    /// Forward moves go through AdvanceClock, so the scheduled flows an admin has turned on (the daily recompute)
    /// run on the days in between as they would in Dataverse; with none on it is the same as setting the clock.
    /// </summary>
    public void MoveClockTo(DateTime utc)
    {
        var by = utc - _org.Clock.UtcNow;
        if (by > TimeSpan.Zero) _org.AdvanceClock(by);
        else _org.Clock.Set(utc);
    }

    private static Entity ToLead(SignupInput s)
    {
        var lead = new Entity(LeadColumns.EntityName);
        if (s.Email != null) lead[LeadColumns.EmailAddress1] = s.Email;
        if (s.FirstName != null) lead[LeadColumns.FirstName] = s.FirstName;
        if (s.LastName != null) lead[LeadColumns.LastName] = s.LastName;
        if (s.JobTitle != null) lead["jobtitle"] = s.JobTitle;
        if (s.Usage != null) lead[LeadColumns.Usage] = s.Usage.Value;
        if (s.Invitations != null) lead[LeadColumns.Invitations] = s.Invitations.Value;
        return lead;
    }
}
