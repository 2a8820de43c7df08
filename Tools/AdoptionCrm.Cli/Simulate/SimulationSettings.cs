using System.Text.Json;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// simulate's --settings file: settings by camelCase name, written as the active
/// adopt_adoptionsettings row (a setting left out keeps its default; names and defaults from SettingsDefinition), plus
/// excludedDomains / allowedDomains as sales ops' adopt_domainrule rows. The row goes through the
/// settings validation plugin like any save, so an invalid combination is refused with the field named.
/// </summary>
public sealed class SimulationSettings
{
    // simulate's names for the row's settings: every number and switch in the one definition (SettingsDefinition).
    private static readonly Dictionary<string, Setting> Scalars = SettingsDefinition.All
        .Where(s => s.Kind is SettingKind.Int or SettingKind.Decimal or SettingKind.Bool)
        .ToDictionary(s => s.JsonName, StringComparer.Ordinal);

    private static readonly string[] Lists = { "excludedDomains", "allowedDomains", SettingsDefinition.OwnDomains.JsonName };

    public Dictionary<string, object> Columns { get; } = new(StringComparer.Ordinal);
    public List<string> ExcludedDomains { get; } = new();
    public List<string> AllowedDomains { get; } = new();
    public List<string> OwnDomains { get; } = new();

    public static IEnumerable<string> Names => Scalars.Keys.Concat(Lists);

    public static SimulationSettings Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return FromJson(document.RootElement, Path.GetFileName(path));
    }

    public static SimulationSettings FromJson(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{file}: expected a JSON object of settings by name");
        var settings = new SimulationSettings();
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (Scalars.TryGetValue(property.Name, out var setting))
            {
                settings.Columns[setting.Column] = setting.Kind switch
                {
                    SettingKind.Int when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) => i,
                    SettingKind.Decimal when value.ValueKind == JsonValueKind.Number => value.GetDecimal(),
                    SettingKind.Bool when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
                    _ => throw new InvalidDataException($"{file}: {property.Name} must be {(setting.Kind == SettingKind.Bool ? "true or false" : setting.Kind == SettingKind.Int ? "a whole number" : "a number")}"),
                };
                continue;
            }
            var list = property.Name switch
            {
                "excludedDomains" => settings.ExcludedDomains,
                "allowedDomains" => settings.AllowedDomains,
                var name when name == SettingsDefinition.OwnDomains.JsonName => settings.OwnDomains,
                _ => throw new InvalidDataException($"{file}: unknown setting '{property.Name}' (known: {string.Join(", ", Names)})"),
            };
            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw new InvalidDataException($"{file}: {property.Name} must be a list of domain strings");
            list.AddRange(value.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(d => d.Length > 0));
        }
        return settings;
    }

    /// <summary>Writes the settings row and the rules into the organization (before any signup).</summary>
    public void Apply(IOrganizationService service)
    {
        var row = new Entity(AdoptionSettingsColumns.EntityName)
        {
            [AdoptionSettingsColumns.Name] = "simulate",
            [AdoptionSettingsColumns.IsActive] = true,
        };
        foreach (var (column, value) in Columns) row[column] = value;
        if (OwnDomains.Count > 0) row[AdoptionSettingsColumns.OwnDomains] = string.Join("\n", OwnDomains);
        // Auto-created accounts belong to the fallback user (never SYSTEM): the what-if gives them one, as sales ops would.
        if (Columns.TryGetValue(AdoptionSettingsColumns.AutoCreateAccounts, out var auto) && auto is true)
            row[AdoptionSettingsColumns.FallbackUserId] = new EntityReference(SystemUserColumns.EntityName,
                service.Create(new Entity(SystemUserColumns.EntityName)
                {
                    ["firstname"] = "Sales", ["lastname"] = "Ops (simulation)",
                    ["businessunitid"] = service.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("businessunit") { TopCount = 1 }).Entities[0].ToEntityReference(),
                }));
        service.Create(row);
        foreach (var domain in ExcludedDomains) CreateRule(service, domain, RuleType.Exclude);
        foreach (var domain in AllowedDomains) CreateRule(service, domain, RuleType.Allow);
    }

    private static void CreateRule(IOrganizationService service, string domain, RuleType type) =>
        service.Create(new Entity(DomainRuleColumns.EntityName)
        {
            [DomainRuleColumns.Name] = domain,
            [DomainRuleColumns.RuleType] = new OptionSetValue((int)type),
            [DomainRuleColumns.Reason] = "simulate --settings",
        });
}
