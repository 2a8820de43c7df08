namespace AdoptionCrm.Solution.Validation;

/// <summary>One problem found in a solution zip: Path is the zip entry (with line:column where known).</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
