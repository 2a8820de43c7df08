using System.Globalization;
using System.Text;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// A big, plausible simulate input (Simulate/README.md format): <c>signups.csv</c> with N signups over M
/// company domains in time order across a year, and <c>accounts.csv</c> claiming every other company, so
/// both the account path and the prospecting path are exercised. Company sizes are skewed (a few large, many
/// small), one signup in five is a person of the company signing up again, one in thirty a free-mail address.
/// Deterministic: the same arguments write the same files.
/// </summary>
public static class SignupCsvWriter
{
    public const string SignupsFile = "signups.csv", AccountsFile = "accounts.csv";
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Titles = { "Engineer", "Developer", "Product Manager", "Head of IT", "CTO", "Analyst", "Designer", "" };

    public static (string Signups, string Accounts) Write(string directory, int signups, int companies)
    {
        if (signups < 1 || companies < 1) throw new ArgumentException("signups and companies must be at least 1");
        Directory.CreateDirectory(directory);
        var random = new Random(12);
        var people = new int[companies];
        var span = TimeSpan.FromDays(365).Ticks;
        var signupsPath = Path.Combine(directory, SignupsFile);
        using (var writer = new StreamWriter(signupsPath, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.WriteLine("email,firstname,lastname,jobtitle,createdon,usage,invitations");
            for (var i = 0; i < signups; i++)
            {
                var createdOn = Start.AddTicks(span / signups * i);
                string email;
                if (i % 30 == 29) email = $"someone{i}@gmail.com";
                else
                {
                    // Skewed sizes: the square of a uniform draw favours low company numbers.
                    var u = random.NextDouble();
                    var company = Math.Min(companies - 1, (int)(u * u * companies));
                    var again = people[company] > 0 && random.Next(5) == 0;
                    var person = again ? random.Next(people[company]) : people[company]++;
                    email = $"person{person}@{Domain(company)}";
                }
                writer.Write(email);
                writer.Write(",Person,");
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Titles[i % Titles.Length]);
                writer.Write(',');
                writer.Write(createdOn.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(random.Next(0, 50).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(random.Next(0, 4).ToString(CultureInfo.InvariantCulture));
            }
        }
        var accountsPath = Path.Combine(directory, AccountsFile);
        using (var writer = new StreamWriter(accountsPath, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("name,domains,owner");
            for (var c = 0; c < companies; c += 2) writer.WriteLine($"Company {c},{Domain(c)},Rep {c % 20}");
        }
        return (signupsPath, accountsPath);
    }

    public static string Domain(int company) => $"company{company}.com";
}
