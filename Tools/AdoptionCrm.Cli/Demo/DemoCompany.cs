namespace AdoptionCrm.Cli.Demo;

/// <summary>Who owns a demo account: a rep by index, the team, or the rep who has left (a disabled user).</summary>
public enum DemoOwner { Rep0, Rep1, Rep2, Rep3, Team, DisabledRep }

/// <summary>
/// A company in the demo's CRM: its domains (the first primary), its owner, and how many distinct
/// people from it sign up over the demo's months and when (the adoption story it tells).
/// </summary>
public sealed record DemoCompany(string Name, string[] Domains, DemoOwner Owner, int People, DemoBurst Burst = DemoBurst.Anytime);
