using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// The emulated messages by name, one handler each (as XrmMockup and FakeXrmEasy route them). A name
/// no handler claims is looked up among the organization's Custom APIs; anything else fails with
/// one clear "not emulated" fault.
/// </summary>
internal sealed class MessageRegistry
{
    private readonly Dictionary<string, IMessageHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Func<string, IMessageHandler?> _fallback;

    public MessageRegistry(IEnumerable<IMessageHandler> handlers, Func<string, IMessageHandler?> fallback)
    {
        foreach (var handler in handlers) _handlers.Add(handler.MessageName, handler);
        _fallback = fallback;
    }

    public IReadOnlyCollection<string> Names => _handlers.Keys;

    public bool Handles(string messageName) => _handlers.ContainsKey(messageName) || _fallback(messageName) != null;

    public OrganizationResponse Dispatch(OrganizationRequest request, ExecutionScope scope)
    {
        var name = request.RequestName ?? "";
        var handler = _handlers.GetValueOrDefault(name) ?? _fallback(name)
            ?? throw Faults.Create(ErrorCodes.NotEmulated, $"not emulated: {name}");
        return handler.Execute(request, scope);
    }
}
