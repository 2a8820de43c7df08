using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Solution.Tests;

/// <summary>Packs the repository once per test run: the real source, the signed net462 DLL, the built panel.</summary>
public sealed class PackedSolution
{
    public static string ShippingDllPath { get; } = typeof(PackedSolution).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ShippingPluginPath").Value!;

    public static string WebResourcesDist => Repo.Path("WebResources", "dist");

    public static PackInput Input() => PackInput.FromBuild(SolutionSource.Load(Repo.SourceDir), ShippingDllPath, WebResourcesDist);

    public PackedSolution()
    {
        // The account form embeds the panel, so a zip without the built panel is rightly invalid.
        // Say so up front instead of failing later on a dangling form control.
        if (!File.Exists(Path.Combine(WebResourcesDist, "adopt_", "adopters", "panel.html")))
            throw new InvalidOperationException(
                $"The panel is not built ({WebResourcesDist} has no adopt_/adopters/panel.html): run ./test.sh, which builds it first, "
                + "or `npm ci && npm run build` in WebResources before `dotnet test`.");
        Zips = SolutionPacker.Pack(Input());
    }

    public IReadOnlyList<PackedZip> Zips { get; }

    public static Dictionary<string, byte[]> Entries(PackedZip zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip.Content), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e => { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); });
    }

    public static XDocument Xml(PackedZip zip, string entry) => XDocument.Load(new MemoryStream(Entries(zip)[entry]));
}
