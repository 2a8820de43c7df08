using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// A message handled through the SDK's own typed request class (CreateRequest, SetStateRequest...).
/// Any OrganizationRequest with the same name works: the typed class reads the same Parameters,
/// which is also how the platform binds a plain request to its message. A parameter of the wrong
/// type is the caller's error (InvalidArgument), not the emulator's.
/// </summary>
internal abstract class MessageHandler<TRequest> : IMessageHandler where TRequest : OrganizationRequest, new()
{
    protected MessageHandler(EmulatedOrganization org, string messageName)
    {
        Org = org;
        MessageName = messageName;
    }

    public string MessageName { get; }

    protected EmulatedOrganization Org { get; }

    protected RowWriter Writer => Org.Writer;

    public OrganizationResponse Execute(OrganizationRequest request, ExecutionScope scope)
    {
        var typed = request as TRequest ?? new TRequest { Parameters = request.Parameters, RequestId = request.RequestId };
        typed.RequestName = request.RequestName;
        try { return Handle(typed, scope); }
        catch (InvalidCastException cast)
        {
            throw Faults.Create(ErrorCodes.InvalidArgument, $"{MessageName}: a parameter has the wrong type ({cast.Message}).");
        }
    }

    protected abstract OrganizationResponse Handle(TRequest request, ExecutionScope scope);

    /// <summary>Another message run in the same scope (Upsert's Create or Update, AddToQueue's queue item...).</summary>
    protected OrganizationResponse Dispatch(OrganizationRequest request, ExecutionScope scope) => Org.Messages.Dispatch(request, scope);

    protected T Required<T>(T? value, string parameter) where T : class =>
        value ?? throw Faults.Create(ErrorCodes.InvalidArgument, $"{MessageName} needs {parameter}.");

    protected static ConcurrencyBehavior Concurrency(OrganizationRequest request) =>
        request.Parameters.TryGetValue("ConcurrencyBehavior", out var c) && c is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;

    protected void RequireRow(ExecutionScope scope, EntityReference reference)
    {
        var schema = Org.Catalog.Get(reference.LogicalName);
        if (Org.Store.Get(scope.Transaction, schema.LogicalName, reference.Id) == null) throw RowWriter.NotFound(schema.LogicalName, reference.Id);
    }
}
