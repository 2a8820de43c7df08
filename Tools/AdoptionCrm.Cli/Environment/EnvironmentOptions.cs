using System.CommandLine;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>The options every command against a Dataverse environment takes: its URL and how to sign in.</summary>
public sealed class EnvironmentOptions
{
    public const string SignInHelp =
        "Sign-in: --token (or ADOPTIONCRM_TOKEN; 'none' for the emulator); or an Entra ID app registration: --client-id and " +
        "--tenant-id with --client-secret (or ADOPTIONCRM_CLIENT_SECRET) for client credentials (the app is added to the " +
        "environment as an application user with a security role), or without a secret for the device code flow (the app " +
        "allows public client flows and has the Dynamics CRM user_impersonation permission). Scope: <url>/.default.";

    // A string, parsed here: System.CommandLine has no converter for Uri, so Option<Uri> fails on every value.
    public Option<string> Url { get; } = new("--url") { Description = "The environment URL, e.g. https://contoso.crm.dynamics.com", Required = true };
    public Option<string?> Token { get; } = new("--token") { Description = "A bearer token to use as is ('none': send none)" };
    public Option<string?> ClientId { get; } = new("--client-id") { Description = "Entra ID application (client) id" };
    public Option<string?> TenantId { get; } = new("--tenant-id") { Description = "Entra ID tenant id" };
    public Option<string?> ClientSecret { get; } = new("--client-secret") { Description = "Client secret (client credentials flow)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, Token, ClientId, TenantId, ClientSecret }) command.Options.Add(option);
    }

    /// <summary>The environment URL (usage errors as ArgumentException).</summary>
    public Uri UrlOf(ParseResult parse)
    {
        var text = parse.GetValue(Url);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"--url must be an http(s) URL (was '{text}').");
        return url;
    }

    /// <summary>A client for the environment the options name (usage errors as ArgumentException).</summary>
    public DataverseClient Client(ParseResult parse, HttpClient http)
    {
        var url = UrlOf(parse);
        var token = EnvironmentToken.Create(url, parse.GetValue(Token), parse.GetValue(ClientId), parse.GetValue(TenantId), parse.GetValue(ClientSecret), Console.Error);
        return new DataverseClient(http, DataverseClient.ApiRootOf(url), token.GetAsync);
    }
}
