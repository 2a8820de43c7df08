using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Solution.Packing;

/// <summary>One packed solution zip.</summary>
public sealed record PackedZip(string FileName, bool Managed, byte[] Content);

/// <summary>
/// The packer: turns the solution source, the signed net462 plugin DLL, its step declarations and the
/// built web resources into the managed and unmanaged zips Dataverse imports.
/// </summary>
public static class SolutionPacker
{
    public static IReadOnlyList<PackedZip> Pack(PackInput input)
    {
        var model = new PackModel(input);
        return [Build(model, managed: true), Build(model, managed: false)];
    }

    private static PackedZip Build(PackModel model, bool managed)
    {
        var components = new List<(string, byte[])> { (model.AssemblyEntryName, model.Input.PluginAssembly) };
        components.AddRange(model.WebResources.Select(w => (w.EntryName, w.File.Content)));
        // Custom APIs travel as their source files, at the same paths (customapis/<uniquename>/…), as exports hold them.
        components.AddRange(CustomApiReader.Files(model.Input.Source.Files).Select(p => (p, model.Input.Source.Files.Read(p))));
        // Cloud flows' JSON at its source path (Workflows/<Name>-<ID>.json), which their <JsonFileName> names.
        components.AddRange(model.Flows.Select(f => (f.JsonPath, model.Input.Source.Files.Read(f.JsonPath))));
        components.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));

        // SolutionPackager's order: customizations.xml, solution.xml, components, [Content_Types].xml last.
        var entries = new List<(string, byte[])>
        {
            (ZipNames.Customizations, XmlOutput.ToBytes(CustomizationsWriter.Build(model, managed))),
            (ZipNames.Solution, XmlOutput.ToBytes(SolutionManifestWriter.Build(model, managed))),
        };
        entries.AddRange(components);
        entries.Add((ZipNames.ContentTypes, ContentTypes.Build(entries.Select(e => e.Item1))));
        return new PackedZip(ZipNames.SolutionZip(model.Input.Source.UniqueName, model.Input.Version, managed), managed, DeterministicZip.Write(entries));
    }
}
