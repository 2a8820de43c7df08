using Microsoft.Identity.Client;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// Bearer tokens for an environment, scope "&lt;url&gt;/.default"
/// (https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-oauth). In order:
/// --token / ADOPTIONCRM_TOKEN as given (automation that already holds one; the emulator needs none: "none");
/// client credentials when a client secret is given (--client-secret or ADOPTIONCRM_CLIENT_SECRET; an app
/// registration in Entra ID with a secret, added to the environment as an application user with a security role);
/// else MSAL's device code flow as a public client (an app registration with "Allow public client flows" and the
/// Dynamics CRM user_impersonation delegated permission). MSAL caches and refreshes the token in memory.
/// </summary>
public sealed class EnvironmentToken
{
    public const string TokenVariable = "ADOPTIONCRM_TOKEN";
    public const string SecretVariable = "ADOPTIONCRM_CLIENT_SECRET";
    public const string NoToken = "none";
    private readonly Func<CancellationToken, Task<string?>> _get;

    private EnvironmentToken(Func<CancellationToken, Task<string?>> get) => _get = get;

    public Task<string?> GetAsync(CancellationToken cancel) => _get(cancel);

    public static EnvironmentToken Create(Uri environment, string? token, string? clientId, string? tenantId, string? clientSecret, TextWriter prompt)
    {
        token ??= System.Environment.GetEnvironmentVariable(TokenVariable);
        if (!string.IsNullOrEmpty(token))
            return new EnvironmentToken(_ => Task.FromResult(token == NoToken ? null : token));
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(tenantId))
            throw new ArgumentException("Give --token (or " + TokenVariable + "), or --client-id and --tenant-id to sign in with Entra ID.");
        var scopes = new[] { new Uri(environment.GetLeftPart(UriPartial.Authority)) + ".default" };
        clientSecret ??= System.Environment.GetEnvironmentVariable(SecretVariable);
        var authority = $"https://login.microsoftonline.com/{tenantId}";
        if (!string.IsNullOrEmpty(clientSecret))
        {
            var app = ConfidentialClientApplicationBuilder.Create(clientId).WithClientSecret(clientSecret).WithAuthority(authority).Build();
            return new EnvironmentToken(async cancel => (await app.AcquireTokenForClient(scopes).ExecuteAsync(cancel)).AccessToken);
        }
        var user = PublicClientApplicationBuilder.Create(clientId).WithAuthority(authority).WithDefaultRedirectUri().Build();
        return new EnvironmentToken(async cancel =>
        {
            var account = (await user.GetAccountsAsync()).FirstOrDefault();
            if (account != null)
            {
                try { return (await user.AcquireTokenSilent(scopes, account).ExecuteAsync(cancel)).AccessToken; }
                catch (MsalUiRequiredException) { }
            }
            var result = await user.AcquireTokenWithDeviceCode(scopes, code =>
            {
                prompt.WriteLine(code.Message);
                return Task.CompletedTask;
            }).ExecuteAsync(cancel);
            return result.AccessToken;
        });
    }
}
