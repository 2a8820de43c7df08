using AdoptionCrm.Emulator.Storage;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>Who a request runs as, at what depth, inside which unit of work, called from which step.</summary>
internal sealed record ExecutionScope(Transaction Transaction, int Depth, Guid UserId, Guid InitiatingUserId, EmulatedPluginContext? Caller, Guid CorrelationId);
