namespace AdoptionCrm.Emulator.WebApi;

/// <summary>One request read out of a $batch body (its stream copied, as the reader moves on).</summary>
public sealed record BatchOperation(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? ContentId);
