using System.Runtime.InteropServices;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// What the figures were measured on. The load average goes with every report because the machine
/// is shared and figures taken under load are not comparable with quiet ones.
/// </summary>
public sealed record BenchEnvironment(string Runtime, int Cores, string LoadAverage, string Sizes, DateTime StartedUtc)
{
    public static BenchEnvironment Capture(string sizes) =>
        new(RuntimeInformation.FrameworkDescription, Environment.ProcessorCount, ReadLoadAverage(), sizes, DateTime.UtcNow);

    public static string ReadLoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
