namespace AdoptionCrm.Cli.Packing;

/// <summary>Finds the repository (the folder holding AdoptionCrm.sln) from the current directory upwards.</summary>
public static class RepoLocator
{
    public static string? Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AdoptionCrm.sln"))) return dir.FullName;
        return null;
    }
}
