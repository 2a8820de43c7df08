namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// A company whose people sign up before anyone in sales made it an account: it shows only on sales ops'
/// prospecting list ("Companies adopting without an account").
/// </summary>
public sealed record DemoProspect(string Domain, int People);
