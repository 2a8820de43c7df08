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

        foreach (var step in input.Steps) CheckStep(step);
        Steps = input.Steps.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var duplicate = Steps.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"two steps share {duplicate.Key}");
        PluginTypes = Steps.Select(s => s.PluginTypeFullName).Distinct().OrderBy(n => n, StringComparer.Ordinal).Select(n => new PackPluginType(n)).ToList();
    }

    public PackInput Input { get; }
    public IReadOnlyList<PackEntity> Entities { get; }
    public PluginAssemblyIdentity Assembly { get; }
    public Guid AssemblyId { get; }
    public string AssemblyEntryName { get; }
    public IReadOnlyList<PackWebResource> WebResources { get; }
    public IReadOnlyList<PackStep> Steps { get; }
    public IReadOnlyList<PackPluginType> PluginTypes { get; }

    public Guid PluginTypeId(string fullName) => PluginTypeIds.Of(fullName);
    public Guid StepId(PackStep step) => DeterministicGuid.For("step", step.Key);
    public Guid ImageId(PackStep step, PackStepImage image) => DeterministicGuid.For("image", step.Key + "|" + image.Alias + "|" + image.ImageType);

    public string StepName(PackStep step) =>
        $"{step.PluginTypeFullName}: {step.Message} of {step.PrimaryEntity ?? "any entity"}";

    private void CheckStep(PackStep step)
    {
        string Where() => $"step {step.Key}";
        if (!Assembly.TypeNames.Contains(step.PluginTypeFullName))
            throw new InvalidOperationException($"{Where()}: type {step.PluginTypeFullName} is not in {Input.PluginAssemblyPath}; rebuild the net462 plugin");
        if (!SdkMessageIds.Known.ContainsKey(step.Message))
            throw new InvalidOperationException($"{Where()}: no known sdkmessageid for message {step.Message} (known: {string.Join(", ", SdkMessageIds.Known.Keys)})");
        if (step.Stage is not (10 or 20 or 40)) throw new InvalidOperationException($"{Where()}: stage must be 10, 20 or 40");
        if (step.Mode == 1 && step.Stage != 40) throw new InvalidOperationException($"{Where()}: asynchronous steps must be on stage 40");
        foreach (var image in step.Images)
        {
            if (image.ImageType is 0 or 2 && step.Message == "Create") throw new InvalidOperationException($"{Where()}: Create has no pre-image");
            if (image.ImageType is 1 or 2 && step.Stage != 40) throw new InvalidOperationException($"{Where()}: post-images need stage 40");
        }
    }
}
