using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>SetState: EntityMoniker gets State and Status (-1 or none = the state's default status).</summary>
internal sealed class SetStateHandler : MessageHandler<SetStateRequest>
{
    public SetStateHandler(EmulatedOrganization org) : base(org, "SetState") { }

    protected override OrganizationResponse Handle(SetStateRequest request, ExecutionScope scope)
    {
        var target = Required(request.EntityMoniker, "an EntityMoniker");
        var change = new Entity(target.LogicalName, target.Id) { ["statecode"] = request.State };
        if (request.Status is { Value: not -1 } status) change["statuscode"] = status;
        SystemWrite.Run(Org, scope, MessageName, target, request.Parameters, change);
        return ResponseFactory.Create(MessageName);
    }
}
