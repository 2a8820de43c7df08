using System.IO.Compression;

namespace AdoptionCrm.Solution.Packing;

/// <summary>Writes a zip whose bytes depend only on the entries: fixed timestamps, given order, no directory entries.</summary>
internal static class DeterministicZip
{
    // Zip (MS-DOS) time cannot go before 1980; every platform export uses one timestamp for all entries.
    private static readonly DateTimeOffset FixedTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
