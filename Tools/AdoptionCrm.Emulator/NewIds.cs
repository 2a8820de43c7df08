namespace AdoptionCrm.Emulator;

/// <summary>
/// Ids the emulator makes for rows, requests and operations: random version-4 GUIDs drawn from Random.Shared
/// (thread-safe, randomly seeded per process) instead of Guid.NewGuid, which reads the kernel's random source
/// on every call (a system call per created row). Unique with the same odds; nothing reads meaning into them.
/// </summary>
internal static class NewIds
{
    public static Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's byte order keeps the third field little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
