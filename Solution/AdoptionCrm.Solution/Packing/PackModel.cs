using AdoptionCrm.Solution.Registration;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Solution.Packing;

internal sealed record PackEntity(string Folder, string EntityXmlPath, Model.TableDefinition Table);

internal sealed record PackWebResource(WebResourceFile File, string EntryName);

internal sealed record PackPluginType(string FullName);

/// <summary>
/// The input checked and resolved once: ids, entry names and the component lists both zips share.
/// Every rule that would make an import fail is checked here, before anything is written.
/// </summary>
internal sealed class PackModel
{
    public PackModel(PackInput input)
    {
        Input = input;
        if (!SolutionSource.IsSolutionVersion(input.Version))
            throw new InvalidOperationException($"version '{input.Version}' must have 2 to 4 numeric parts");
        var source = input.Source;
        Entities = source.Files.Under(SolutionSource.EntitiesFolder, "/Entity.xml")
            .Select(p => new PackEntity(p[..^"Entity.xml".Length], p, source.Tables.Single(t => string.Equals(t.SchemaName, p.Split('/')[1], StringComparison.OrdinalIgnoreCase))))
            .OrderBy(e => e.Table.LogicalName, StringComparer.Ordinal)
            .ToList();

        Assembly = PluginAssemblyIdentity.Read(input.PluginAssembly, input.PluginAssemblyPath);
        AssemblyId = DeterministicGuid.For("pluginassembly", Assembly.Name);
        AssemblyEntryName = ZipNames.PluginAssembly(Assembly.Name, AssemblyId);

        var prefix = source.Publisher.CustomizationPrefix + "_";
        WebResources = input.WebResources
            .Select(w => w.Name.StartsWith(prefix, StringComparison.Ordinal)
                ? new PackWebResource(w, ZipNames.WebResource(w.Name, w.Id))
                : throw new InvalidOperationException($"web resource {w.Name}: its name must start with the publisher prefix '{prefix}'"))
            .OrderBy(w => w.File.Name, StringComparer.Ordinal)
            .ToList();

        Flows = FlowReader.ReadAll(source.Files);

        foreach (var step in input.Steps) CheckStep(step);
        Steps = input.Steps.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var duplicate = Steps.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"two steps share {duplicate.Key}");
        // The steps' plug-in types, plus those a Custom API names as its main operation (they have no step).
        var apiTypeIds = CustomApiReader.ReadAll(input.Source.Files).Select(a => a.PluginTypeId).OfType<Guid>().ToHashSet();
        var apiTypes = apiTypeIds.Count == 0 ? Enumerable.Empty<string>()
            : PluginTypeNames.FromAssemblyFile(input.PluginAssembly, Path.GetDirectoryName(input.PluginAssemblyPath)).Where(n => apiTypeIds.Contains(PluginTypeIds.Of(n)));
        PluginTypes = Steps.Select(s => s.PluginTypeFullName).Concat(apiTypes).Distinct().OrderBy(n => n, StringComparer.Ordinal).Select(n => new PackPluginType(n)).ToList();
    }

    public PackInput Input { get; }
    public IReadOnlyList<FlowDefinition> Flows { get; }
    public IReadOnlyList<PackEntity> Entities { get; }
    public PluginAssemblyIdentity Assembly { get; }
    public Guid AssemblyId { get; }
    public string AssemblyEntryName { get; }
    public IReadOnlyList<PackWebResource> WebResources { get; }
    public IReadOnlyList<StepRegistration> Steps { get; }
    public IReadOnlyList<PackPluginType> PluginTypes { get; }

    public Guid PluginTypeId(string fullName) => PluginTypeIds.Of(fullName);
    public Guid StepId(StepRegistration step) => DeterministicGuid.For("step", step.Key);
    public Guid ImageId(StepRegistration step, StepImage image) => DeterministicGuid.For("image", step.Key + "|" + image.Alias + "|" + (int)image.ImageType);

    public string StepName(StepRegistration step) =>
        $"{step.PluginTypeFullName}: {step.Message} of {step.PrimaryEntity ?? "any entity"}";

    private void CheckStep(StepRegistration step)
    {
        string Where() => $"step {step.Key}";
        if (!Assembly.TypeNames.Contains(step.PluginTypeFullName))
            throw new InvalidOperationException($"{Where()}: type {step.PluginTypeFullName} is not in {Input.PluginAssemblyPath}; rebuild the net462 plugin");
        if (!Assembly.PluginTypeNames.Contains(step.PluginTypeFullName))
            throw new InvalidOperationException($"{Where()}: type {step.PluginTypeFullName} does not implement {PluginStepReader.PluginInterface}");
        if (!SdkMessageIds.Known.ContainsKey(step.Message))
            throw new InvalidOperationException($"{Where()}: no known sdkmessageid for message {step.Message} (known: {string.Join(", ", SdkMessageIds.Known.Keys)})");
        if (step.PrimaryEntity is not null && !Input.Source.Tables.Any(t => t.LogicalName == step.PrimaryEntity))
            throw new InvalidOperationException($"{Where()}: table {step.PrimaryEntity} is not in the solution source");
        var problems = StepRules.Check(step).ToList();
        if (step.PrimaryEntity is not null)
        {
            var table = Input.Source.Table(step.PrimaryEntity);
            foreach (var column in (step.FilteringAttributes ?? []).Concat(step.Images.SelectMany(i => i.Attributes ?? [])).Distinct())
                if (!table.Columns.ContainsKey(column) && !Platform.StandardTableColumns.Has(step.PrimaryEntity, column))
                    problems.Add($"column {column} is not a column of {step.PrimaryEntity} in the solution source");
        }
        if (problems.Count > 0) throw new InvalidOperationException($"{Where()}: {string.Join("; ", problems)}");
    }
}
