namespace AdoptionCrm.Cli.Simulate;

/// <summary>A row that was skipped, with where it is and why: the run goes on without it.</summary>
public sealed record InputProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
