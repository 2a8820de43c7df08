using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Cli.Packing;

/// <summary>
/// Turns the [PluginStep] declarations (PluginRegistrations.All, the one registration source) into
/// the packer's steps. The net10.0 build of the same source is read; the packer then checks every
/// type exists in the net462 DLL it ships.
/// </summary>
public static class PluginStepDeclarations
{
    public static IReadOnlyList<PackStep> All() => From(PluginRegistrations.All());

    public static IReadOnlyList<PackStep> From(IEnumerable<RegisteredStep> registrations) =>
        registrations.Select(r =>
        {
            var s = r.Step;
            var images = new List<PackStepImage>();
            if (s.PreImageName is not null) images.Add(new PackStepImage(s.PreImageName, (int)ImageType.PreImage, s.PreImageAttributes));
            if (s.PostImageName is not null) images.Add(new PackStepImage(s.PostImageName, (int)ImageType.PostImage, s.PostImageAttributes));
            return new PackStep(r.PluginType.FullName!, s.Message, s.PrimaryEntity, (int)s.Stage, (int)s.Mode, s.Rank, s.FilteringAttributes, s.Description, images);
        }).ToList();
}
