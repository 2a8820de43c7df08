namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// The demo's fixed cast: fictional companies (Microsoft's sample names), reps, and the signup
/// sources that are not companies. A few companies spread (3, 8, 15, 40 people), most stay at 1-2. Some
/// spread now (their burst ends in the last days, so the daily recompute keeps them at their stage), the
/// rest at any time (and may have cooled by the end); one company adopts with no account at all.
/// </summary>
public static class DemoCatalog
{
    public static readonly string[] Reps = { "Alex Morgan", "Priya Shah", "Tomás Díaz", "Mei Chen" };
    public const string DisabledRep = "Jordan Blake";
    public const string Manager = "Sam Rivera";
    public const string Team = "Enterprise Sales";

    /// <summary>The spreading account where one adopter's name is markup, for the panel's XSS check.</summary>
    public const string XssAccount = "Northwind Traders";
    public const string XssName = "<img src=x onerror=alert(1)>";

    /// <summary>The seed's own scenario: 16 people from a company sales has no account for, over the last weeks.</summary>
    public static readonly DemoProspect[] Prospects = { new("acmerobotics.com", 16) };

    public static readonly DemoCompany[] Companies =
    {
        new("Contoso", new[] { "contoso.com", "contoso.co.uk", "contoso.de" }, DemoOwner.Rep0, 40),
        new("Fabrikam", new[] { "fabrikam.com", "fabrikam.io" }, DemoOwner.Team, 18, DemoBurst.Recent),
        new("Northwind Traders", new[] { "northwindtraders.com" }, DemoOwner.Rep1, 9, DemoBurst.Recent),
        new("Tailspin Toys", new[] { "tailspintoys.com" }, DemoOwner.DisabledRep, 8),
        new("Woodgrove Bank", new[] { "woodgrovebank.com", "woodgrove.co.uk" }, DemoOwner.Rep2, 5, DemoBurst.Recent),
        new("Wingtip Toys", new[] { "wingtiptoys.com" }, DemoOwner.Rep3, 4),
        new("Adventure Works", new[] { "adventure-works.com", "adventureworks.co.uk" }, DemoOwner.Rep0, 3),
        new("Alpine Ski House", new[] { "alpineskihouse.com" }, DemoOwner.Rep1, 2),
        new("Blue Yonder Airlines", new[] { "blueyonderairlines.com" }, DemoOwner.Rep2, 2),
        new("Coho Winery", new[] { "cohowinery.com" }, DemoOwner.Rep3, 1),
        new("Fourth Coffee", new[] { "fourthcoffee.com" }, DemoOwner.Rep0, 2),
        new("Graphic Design Institute", new[] { "graphicdesigninstitute.com" }, DemoOwner.Rep1, 1),
        new("Humongous Insurance", new[] { "humongousinsurance.com" }, DemoOwner.Rep2, 2),
        new("Litware", new[] { "litwareinc.com" }, DemoOwner.Rep3, 1),
        new("Lucerne Publishing", new[] { "lucernepublishing.com" }, DemoOwner.Rep0, 2),
        new("Margie's Travel", new[] { "margiestravel.com" }, DemoOwner.Rep1, 1),
        new("Proseware", new[] { "proseware.com" }, DemoOwner.Rep2, 2),
        new("Relecloud", new[] { "relecloud.com" }, DemoOwner.Rep3, 1),
        new("School of Fine Art", new[] { "fineartschool.net" }, DemoOwner.Rep0, 1),
        new("Southridge Video", new[] { "southridgevideo.com" }, DemoOwner.Rep1, 2),
        new("Trey Research", new[] { "treyresearch.net" }, DemoOwner.Rep2, 1),
        new("VanArsdel", new[] { "vanarsdelltd.com" }, DemoOwner.Rep3, 2),
        new("Wide World Importers", new[] { "wideworldimporters.com" }, DemoOwner.Rep0, 1),
        new("Bellows College", new[] { "bellowscollege.com" }, DemoOwner.Rep1, 0),
        new("Consolidated Messenger", new[] { "consolidatedmessenger.com" }, DemoOwner.Rep2, 0),
    };

    public static readonly string[] FirstNames =
    {
        "Ann", "Ben", "Carla", "Dev", "Elena", "Farah", "Gabe", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Pia",
        "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Chloé", "Diego",
    };

    public static readonly string[] LastNames =
    {
        "Lee", "Okafor", "García", "Novak", "Singh", "Kim", "Müller", "Rossi", "Haddad", "Nguyen", "Kowalski", "Silva", "Ivanova",
        "Tanaka", "O'Brien", "Dubois", "Johansson", "Mensah", "Costa", "Petrov", "Cohen", "Yilmaz", "Andersen", "Moreau",
    };

    public static readonly string[] JobTitles =
    {
        "Software Engineer", "Product Manager", "Designer", "Data Analyst", "Engineering Manager", "Marketing Lead", "Consultant",
        "Operations", "CTO", "Student", "", "",
    };

    public static readonly string[] FreeMail = { "gmail.com", "outlook.com", "yahoo.com", "hotmail.co.uk", "icloud.com", "proton.me", "gmx.de", "yahoo.co.jp" };

    /// <summary>Candidates; only those the embedded disposable list holds are used (SignupGenerator).</summary>
    public static readonly string[] DisposableCandidates = { "0-180.com", "0-30-24.com", "0-420.com", "0-900.com", "0-aa.com", "yopmail.com", "guerrillamail.com" };

    public static readonly string[] RoleLocalParts = { "noreply", "no-reply", "info", "admin", "support", "postmaster" };

    public static readonly string[] Subdomains = { "mail", "eu", "uk", "sales", "dev" };

    /// <summary>Syllables for companies the CRM does not know (they stay unmatched: auto-creation is off by default).</summary>
    public static readonly string[] NameParts = { "bright", "lake", "kestrel", "works", "nova", "pine", "harbor", "quant", "ember", "loop", "stack", "field", "cedar", "orbit", "lumen", "grid" };
    public static readonly string[] Tlds = { "com", "io", "co.uk", "de", "fr", "com.au", "net", "ca" };
}
