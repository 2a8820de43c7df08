namespace AdoptionCrm.Emulator.WebApi;

/// <summary>Thrown out of a change set's unit of work so it rolls back; carries the failing operation's answer.</summary>
internal sealed class ChangeSetFailedException : Exception
{
    public ChangeSetFailedException(BatchResponse response) : base($"A change set operation failed with {response.Status}.") => Response = response;

    public BatchResponse Response { get; }
}
