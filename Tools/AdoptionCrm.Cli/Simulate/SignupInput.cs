namespace AdoptionCrm.Cli.Simulate;

/// <summary>One signup to replay as a lead Create: a CSV row (Line is its line in the file) or a generated one.</summary>
public sealed record SignupInput(int Line, string? Email, string? FirstName, string? LastName, string? JobTitle, DateTime CreatedOnUtc,
    int? Usage = null, int? Invitations = null);
