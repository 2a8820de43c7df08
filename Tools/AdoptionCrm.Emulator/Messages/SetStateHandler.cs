using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// SetState (deprecated in favour of Update, PAD:special-update-operation-behavior): EntityMoniker gets State
/// and Status (-1 or none = the state's default status), firing the steps LifecycleOptions.SetStateFires names.
/// </summary>
internal sealed class SetStateHandler : MessageHandler<SetStateRequest>
{
    public SetStateHandler(EmulatedOrganization org, string messageName = "SetState") : base(org, messageName) { }

    protected override OrganizationResponse Handle(SetStateRequest request, ExecutionScope scope)
    {
        var target = Required(request.EntityMoniker, "an EntityMoniker");
        StateChange.Run(Org, scope, target, Required(request.State, "a State"), request.Status, Org.Lifecycle.SetStateFires);
        return ResponseFactory.Create(MessageName);
    }
}
