using AdoptionCrm.Cli.Simulate;
using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// A realistic, repeatable stream of signups over six months (same seed, same stream). Known
/// companies' people arrive in a burst of a few weeks each (so the spreading ones cross 3, 8, 15
/// people inside the 60-day window), some of them sign up again later; the rest is the long tail:
/// unknown companies with one or two people, free-mail, disposable addresses, automated senders and
/// malformed emails. Some company signups come from subdomains (mail.contoso.co.uk) or in mixed case.
/// The six months end at a given instant (the demo uses the current hour), so the panel's "last 26
/// weeks" chart shows them; the same seed gives the same stream relative to that end.
/// </summary>
public sealed class SignupGenerator
{
    public const int Days = 175;
    private const int BurstDays = 45;
    /// <summary>The stream size the company profiles (DemoCatalog.Companies' people) are written for; smaller runs scale them down.</summary>
    private const int ProfileSize = 2000;

    private readonly Random _random;
    private readonly string[] _disposable;
    private readonly HashSet<string> _usedEmails = new(StringComparer.OrdinalIgnoreCase);

    public DateTime Start { get; }
    public DateTime End { get; }

    public SignupGenerator(int seed, DateTime endUtc)
    {
        _random = new Random(seed);
        End = endUtc;
        Start = endUtc.AddDays(-Days);
        _disposable = DemoCatalog.DisposableCandidates.Where(d => DomainSet.Disposable.Match(d) != null).ToArray();
        if (_disposable.Length == 0) throw new InvalidOperationException("none of the demo's disposable domains is on the embedded disposable list");
    }

    public List<SignupInput> Generate(int count)
    {
        var signups = new List<(DateTime At, Func<DateTime, SignupInput> Make)>();
        var scale = Math.Min(1.0, count / (double)ProfileSize);
        foreach (var company in DemoCatalog.Companies)
            AddPeople(signups, count, company.Domains, (int)Math.Ceiling(company.People * scale), company.Burst, company.Name == DemoCatalog.XssAccount);
        foreach (var prospect in DemoCatalog.Prospects)
            AddPeople(signups, count, new[] { prospect.Domain }, (int)Math.Ceiling(prospect.People * scale), DemoBurst.Recent, xss: false);
        while (signups.Count < count)
        {
            var at = Start.AddMinutes(_random.Next(0, Days * 24 * 60));
            var (first, last) = Person();
            var roll = _random.Next(100);
            string email;
            if (roll < 40)
            {
                email = UnknownCompanyEmail(first, last, out var withColleague);
                if (withColleague && signups.Count + 1 < count) AddColleague(signups, email, at);
            }
            else if (roll < 75) email = Unique($"{Ascii(first)}.{Ascii(last)}{_random.Next(1, 999)}@{Pick(DemoCatalog.FreeMail)}");
            else if (roll < 85) email = Unique($"{Ascii(first)}{_random.Next(100, 9999)}@{Pick(_disposable)}");
            else if (roll < 90) email = $"{Pick(DemoCatalog.RoleLocalParts)}@{Pick(Pick(DemoCatalog.Companies).Domains)}";
            else if (roll < 96) email = Malformed(first, last);
            else email = "";
            var jobTitle = JobTitle();
            signups.Add((at, t => Signup(email, first, last, jobTitle, t, company: false)));
        }
        // Time order, as signups arrive; ties keep generation order so the stream is stable per seed.
        // A later signup (a returning adopter, a colleague) that would fall after the end lands in the last week instead.
        signups = signups.Select(s => s.At < End ? s : (End.AddMinutes(-_random.Next(1, 7 * 24 * 60)), s.Make)).ToList();
        return signups.Select((s, i) => (s, i)).OrderBy(x => x.s.At).ThenBy(x => x.i)
            .Select((x, line) => x.s.Make(x.s.At) with { Line = line + 1 }).ToList();
    }

    private void AddPeople(List<(DateTime At, Func<DateTime, SignupInput> Make)> signups, int count, string[] domains, int people, DemoBurst burst, bool xss)
    {
        if (people == 0) return;
        // A recent burst ends in the stream's last week, so all of it is inside the default 60-day window at the end.
        var burstStart = burst == DemoBurst.Recent
            ? End.AddDays(-BurstDays - _random.Next(1, 8))
            : Start.AddDays(_random.Next(0, Days - BurstDays));
        for (var p = 0; p < people && signups.Count < count; p++)
        {
            var (first, last) = Person();
            if (xss && p == 1) (first, last) = ("", DemoCatalog.XssName);
            var email = CompanyEmail(first, last, domains);
            var title = JobTitle();
            var at = burstStart.AddMinutes(_random.Next(0, BurstDays * 24 * 60));
            signups.Add((at, t => Signup(email, first, last, title, t, company: true)));
            // One in eight comes back later (a second signup with the same email: not a new adopter).
            if (_random.Next(8) == 0 && signups.Count < count)
                signups.Add((at.AddDays(_random.Next(1, 30)), t => Signup(email, first, last, title, t, company: true)));
        }
    }

    private void AddColleague(List<(DateTime At, Func<DateTime, SignupInput> Make)> signups, string email, DateTime at)
    {
        // A second person from the same small company a few weeks later.
        var domain = email[(email.IndexOf('@') + 1)..];
        var (first, last) = Person();
        var colleague = Unique($"{Ascii(first)}.{Ascii(last)}@{domain}");
        var title = JobTitle();
        signups.Add((at.AddDays(_random.Next(1, 40)), t => Signup(colleague, first, last, title, t, company: true)));
    }

    private string? JobTitle() => Pick(DemoCatalog.JobTitles) is { Length: > 0 } title ? title : null;

    private SignupInput Signup(string email, string first, string last, string? jobTitle, DateTime at, bool company) =>
        new(0, email.Length == 0 ? null : email, first.Length == 0 ? null : first, last, jobTitle, at,
            company && _random.Next(10) < 6 ? _random.Next(0, 500) : null,
            company && _random.Next(10) < 3 ? _random.Next(0, 4) : null);

    private (string First, string Last) Person() => (Pick(DemoCatalog.FirstNames), Pick(DemoCatalog.LastNames));

    private string CompanyEmail(string first, string last, string[] domains)
    {
        var domain = domains[_random.Next(domains.Length)];
        var roll = _random.Next(100);
        if (roll < 15) domain = Pick(DemoCatalog.Subdomains) + "." + domain;
        var local = $"{Ascii(first)}.{Ascii(last)}";
        if (local.StartsWith('.')) local = "adopter" + _random.Next(1000);
        var email = Unique($"{local}@{domain}");
        return roll is >= 15 and < 20 ? char.ToUpperInvariant(email[0]) + email[1..].Replace("@" + domain, "@" + domain.ToUpperInvariant()) : email;
    }

    private string UnknownCompanyEmail(string first, string last, out bool withColleague)
    {
        withColleague = _random.Next(4) == 0;
        var domain = Pick(DemoCatalog.NameParts) + Pick(DemoCatalog.NameParts) + _random.Next(1, 500) + "." + Pick(DemoCatalog.Tlds);
        return Unique($"{Ascii(first)}.{Ascii(last)}@{domain}");
    }

    private string Malformed(string first, string last) => _random.Next(7) switch
    {
        0 => $"{Ascii(first)}@",
        1 => "@contoso.com",
        2 => $"{first} {last}@fabrikam.com",
        3 => $"{Ascii(first)}@@contoso.com",
        4 => $"{Ascii(first)}.contoso.com",
        5 => $"{Ascii(first)}@contoso",
        _ => $"{Ascii(first)}@contoso..com",
    };

    private string Unique(string email)
    {
        var candidate = email;
        for (var n = 2; !_usedEmails.Add(candidate); n++)
            candidate = email.Insert(email.IndexOf('@'), n.ToString());
        return candidate;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    // Email local parts in ASCII (García → garcia, O'Brien → obrien), as most sign-up forms produce them.
    private static string Ascii(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z').ToArray()).ToLowerInvariant();
    }
}
