using System.Xml.Linq;
using AdoptionCrm.Solution.Model;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Solution;

/// <summary>
/// The solution source (Solution/src, SolutionPackager's unpacked layout) read into metadata. This is
/// the schema's single source of truth: the emulator loads its tables from here, the packer writes
/// customizations.xml from the same files, and tests check plugin constants against it.
/// </summary>
public sealed class SolutionSource
{
    public const string SolutionManifestPath = "Other/Solution.xml";
    public const string CustomizationsPath = "Other/Customizations.xml";
    public const string EntitiesFolder = "Entities/";
    public const string OptionSetsFolder = "OptionSets/";
    public const string RolesFolder = "Roles/";
    public const string DashboardsFolder = "Dashboards/";
    public const string AppModulesFolder = "AppModules/";
    public const string AppModuleSiteMapsFolder = "AppModuleSiteMaps/";

    private SolutionSource(SourceFiles files, string uniqueName, string displayName, string version, PublisherInfo publisher,
        IReadOnlyList<TableDefinition> tables, IReadOnlyList<OptionSetDefinition> optionSets, IReadOnlyList<RelationshipDefinition> relationships)
    {
        Files = files;
        UniqueName = uniqueName;
        DisplayName = displayName;
        Version = version;
        Publisher = publisher;
        Tables = tables;
        OptionSets = optionSets;
        Relationships = relationships;
    }

    public string UniqueName { get; }
    public string DisplayName { get; }

    /// <summary>The version in Other/Solution.xml (2 to 4 dot-separated numbers).</summary>
    public string Version { get; }

    public PublisherInfo Publisher { get; }

    /// <summary>Our tables (IsCustom) and the standard tables we extend (only our columns), ordered by logical name.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; }

    /// <summary>Global choices, ordered by name.</summary>
    public IReadOnlyList<OptionSetDefinition> OptionSets { get; }

    public IReadOnlyList<RelationshipDefinition> Relationships { get; }

    /// <summary>The raw source files, for the packer.</summary>
    public SourceFiles Files { get; }

    public TableDefinition Table(string logicalName) =>
        Tables.FirstOrDefault(t => t.LogicalName == logicalName) ?? throw new KeyNotFoundException($"table {logicalName} is not in the solution source");

    public static SolutionSource Load(string srcDirectory) => Read(SourceFiles.FromDirectory(srcDirectory));

    /// <summary>The copy of Solution/src compiled into this assembly.</summary>
    public static SolutionSource LoadEmbedded() => Read(SourceFiles.FromEmbedded(typeof(SolutionSource).Assembly));

    public static SolutionSource Read(SourceFiles files)
    {
        var manifestDoc = SourceXml.Load(files, SolutionManifestPath);
        var manifest = manifestDoc.Root?.Element("SolutionManifest")
            ?? throw SourceXml.Error(SolutionManifestPath, manifestDoc.Root!, "missing <SolutionManifest>");
        var uniqueName = SourceXml.Required(SolutionManifestPath, manifest, "UniqueName");
        var displayName = SourceXml.Label(manifest.Element("LocalizedNames"), "LocalizedName") ?? uniqueName;
        var versionElement = manifest.Element("Version") ?? throw SourceXml.Error(SolutionManifestPath, manifest, "missing required child <Version>");
        var version = versionElement.Value.Trim();
        if (!IsSolutionVersion(version))
            throw SourceXml.Error(SolutionManifestPath, versionElement, $"'{version}' is not a version of 2 to 4 numbers");
        var publisher = ReadPublisher(manifest);

        // Customizations.xml must exist and be well-formed even though the packer fills its placeholders.
        SourceXml.Load(files, CustomizationsPath);

        var optionSets = new Dictionary<string, OptionSetDefinition>(StringComparer.Ordinal);
        foreach (var path in files.Under(OptionSetsFolder, ".xml"))
        {
            var root = SourceXml.Load(files, path).Root!;
            if (root.Name.LocalName != "optionset") throw SourceXml.Error(path, root, "root element must be <optionset>");
            var set = OptionSetReader.Read(path, root);
            CheckPrefixed(path, root, set.Name, publisher);
            foreach (var option in set.Options.Where(o => o.Value / 10000 != publisher.OptionValuePrefix))
                throw SourceXml.Error(path, root, $"option {option.Label} = {option.Value} does not start with the option value prefix {publisher.OptionValuePrefix}");
            if (!optionSets.TryAdd(set.Name, set)) throw SourceXml.Error(path, root, $"option set {set.Name} is defined twice");
        }

        var relationships = RelationshipReader.ReadAll(files);
        var tables = new List<TableDefinition>();
        foreach (var path in files.Under(EntitiesFolder, "/Entity.xml"))
        {
            var table = EntityReader.Read(path, SourceXml.Load(files, path), publisher.CustomizationPrefix, optionSets, relationships);
            if (tables.Any(t => t.LogicalName == table.LogicalName))
                throw new SolutionSourceException(path, $"table {table.LogicalName} is defined twice");
            tables.Add(table);
        }

        return new SolutionSource(files, uniqueName, displayName, version, publisher,
            tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal).ToList(),
            optionSets.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToList(),
            relationships);
    }

    public static bool IsSolutionVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length is >= 2 and <= 4 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    private static PublisherInfo ReadPublisher(XElement manifest)
    {
        const string path = SolutionManifestPath;
        var publisher = manifest.Element("Publisher") ?? throw SourceXml.Error(path, manifest, "missing required child <Publisher>");
        var prefix = SourceXml.Required(path, publisher, "CustomizationPrefix");
        var optionPrefixElement = publisher.Element("CustomizationOptionValuePrefix")
            ?? throw SourceXml.Error(path, publisher, "missing required child <CustomizationOptionValuePrefix>");
        var optionPrefix = SourceXml.Int(path, optionPrefixElement);
        if (optionPrefix is < 10000 or > 99999)
            throw SourceXml.Error(path, optionPrefixElement, $"option value prefix {optionPrefix} must be within 10000-99999");
        var unique = SourceXml.Required(path, publisher, "UniqueName");
        return new PublisherInfo(unique, SourceXml.Label(publisher.Element("LocalizedNames"), "LocalizedName") ?? unique, prefix, optionPrefix);
    }

    private static void CheckPrefixed(string path, XElement element, string name, PublisherInfo publisher)
    {
        if (!name.StartsWith(publisher.CustomizationPrefix + "_", StringComparison.Ordinal))
            throw SourceXml.Error(path, element, $"{name} must start with the publisher prefix '{publisher.CustomizationPrefix}_'");
    }
}
