namespace AdoptionCrm.Emulator.WebApi;

/// <summary>What one $batch operation answered: status, headers and body, to be written into the batch response.</summary>
public sealed record BatchResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? ContentId);
