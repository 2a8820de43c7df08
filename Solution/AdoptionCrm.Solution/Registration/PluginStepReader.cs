using System.Reflection;
using System.Runtime.InteropServices;

namespace AdoptionCrm.Solution.Registration;

/// <summary>
/// Reads the [PluginStep] declarations of plug-in classes BY NAME through CustomAttributeData, as spkl's
/// build tasks read spkl's attribute: the reader needs no reference to the plug-in assembly, so it works
/// on the net462 DLL we ship (through a MetadataLoadContext, never executing it) and on an assembly the
/// emulator has loaded. The attribute's shape is the contract: constructor (message, primaryEntity, stage)
/// and the named properties Mode, Rank, FilteringAttributes, PreImageName/Attributes,
/// PostImageName/Attributes, Description.
/// </summary>
public static class PluginStepReader
{
    public const string AttributeName = "PluginStepAttribute";
    public const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";

    /// <summary>Every step declared on a concrete class of the assembly, ordered by class then declaration key.</summary>
    public static IReadOnlyList<StepRegistration> FromAssembly(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(FromType)
            .ToList();

    /// <summary>The steps declared on one class (none if it carries no [PluginStep]).</summary>
    public static IReadOnlyList<StepRegistration> FromType(Type type) =>
        type.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == AttributeName)
            .Select(a => Read(type, a))
            .OrderBy(s => s.Message, StringComparer.Ordinal)
            .ThenBy(s => s.PrimaryEntity, StringComparer.Ordinal)
            .ThenBy(s => s.Stage)
            .ThenBy(s => s.Rank)
            .ToList();

    /// <summary>
    /// The steps of a DLL on disk or in memory, read through a MetadataLoadContext (the DLL may target a
    /// framework this process cannot load, e.g. net462). References resolve from the DLL's own folder
    /// (when given) and this runtime's folder.
    /// </summary>
    public static IReadOnlyList<StepRegistration> FromAssemblyFile(byte[] dll, string? directory = null)
    {
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").ToList();
        if (directory is not null && Directory.Exists(directory)) paths.AddRange(Directory.GetFiles(directory, "*.dll"));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths.GroupBy(Path.GetFileName).Select(g => g.Last())));
        return FromAssembly(context.LoadFromByteArray(dll));
    }

    private static StepRegistration Read(Type type, CustomAttributeData attribute)
    {
        var parameters = attribute.Constructor.GetParameters();
        object? Arg(string name) =>
            parameters.Select((p, i) => (p, i)).Where(x => string.Equals(x.p.Name, name, StringComparison.OrdinalIgnoreCase))
                .Select(x => attribute.ConstructorArguments[x.i].Value).FirstOrDefault();
        object? Named(string name) => attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        var message = Arg("message") as string ?? throw Invalid(type, "no message");
        var stage = Arg("stage") is { } s ? (StepStage)Convert.ToInt32(s) : throw Invalid(type, "no stage");
        var images = new List<StepImage>();
        if (Named("PreImageName") is string pre) images.Add(new StepImage(pre, StepImageType.PreImage, Split(Named("PreImageAttributes") as string)));
        if (Named("PostImageName") is string post) images.Add(new StepImage(post, StepImageType.PostImage, Split(Named("PostImageAttributes") as string)));
        return new StepRegistration(type.FullName!, message, Arg("primaryEntity") as string, stage)
        {
            Mode = Named("Mode") is { } mode ? (StepMode)Convert.ToInt32(mode) : StepMode.Synchronous,
            Rank = Named("Rank") is { } rank ? Convert.ToInt32(rank) : 1,
            FilteringAttributes = Split(Named("FilteringAttributes") as string),
            Description = Named("Description") as string,
            Images = images,
        };
    }

    private static InvalidOperationException Invalid(Type type, string why) => new($"[{AttributeName}] on {type.FullName}: {why}");

    private static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
