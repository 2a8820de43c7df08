using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// Update: steps of Update and UpdateMultiple around the write; RowVersion checks on request. A Target
/// carrying statecode with other columns is split as documented (PAD:special-update-operation-behavior):
/// PreOperation and PostOperation steps run once for the other columns, then once for statecode/statuscode
/// (PreValidation once, for the whole request). A Target of state columns only is one state change.
/// Either state part fires the steps LifecycleOptions.UpdateOfStateFires adds to Update's.
/// </summary>
internal sealed class UpdateHandler : MessageHandler<UpdateRequest>
{
    private static readonly string[] StateColumns = { "statecode", "statuscode" };

    public UpdateHandler(EmulatedOrganization org) : base(org, "Update") { }

    protected override OrganizationResponse Handle(UpdateRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type Entity");
        if (!target.Contains("statecode")) return TargetWrite.Run(Org, scope, MessageName, new List<Entity> { target }, request);
        var schema = Org.Catalog.Get(target.LogicalName);
        var others = target.Attributes.Keys.Where(k => !StateColumns.Contains(k) && k != schema.PrimaryIdAttribute).ToList();
        var fires = Org.Lifecycle.UpdateOfStateFires | StateChangeSteps.Update;
        var state = target.GetAttributeValue<OptionSetValue>("statecode")
            ?? throw Faults.Create(ErrorCodes.InvalidArgument, "statecode cannot be set to null.");
        var status = target.GetAttributeValue<OptionSetValue>("statuscode");
        if (others.Count == 0)
        {
            var id = Writer.ResolveId(scope, schema, target);
            StateChange.Run(Org, scope, new EntityReference(schema.LogicalName, id), state, status, fires);
            return ResponseFactory.Create(MessageName);
        }
        TargetWrite.PreValidateUpdate(Org, scope, target, request);
        var rest = new Entity(target.LogicalName, target.Id) { RowVersion = target.RowVersion };
        foreach (var column in target.Attributes.Keys.Where(k => !StateColumns.Contains(k) && k != schema.PrimaryIdAttribute)) rest[column] = target[column];
        state = target.GetAttributeValue<OptionSetValue>("statecode") ?? state; // stage 10 may have edited the Target
        status = target.GetAttributeValue<OptionSetValue>("statuscode");
        TargetWrite.Run(Org, scope, MessageName, new List<Entity> { rest }, request, preValidation: false);
        StateChange.Run(Org, scope, new EntityReference(schema.LogicalName, rest.Id), state, status, fires, preValidation: false);
        return ResponseFactory.Create(MessageName);
    }
}
